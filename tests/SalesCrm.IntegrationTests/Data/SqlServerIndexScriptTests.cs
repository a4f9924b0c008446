using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// SQL Server cannot run here, and a migration that drops an index by a wrong name, creates one twice or names a missing
/// column fails only on a customer's server, halfway through an upgrade. So the SQL Server migrations are replayed without
/// a server, statement by statement in the order they run, keeping each table's columns and indexes: every CREATE INDEX must
/// name an existing table, a name not yet used on it (or, WITH DROP_EXISTING, one it has), columns it has (key, INCLUDE and
/// filter) and no column both in the key and INCLUDE; every DROP INDEX must name an index the table has at that point.
/// </summary>
public sealed class SqlServerIndexScriptTests
{
    [Fact]
    public void Every_index_a_migration_creates_or_drops_fits_the_schema_at_that_point()
    {
        var replay = new Replay();
        foreach (var script in SqlServerScriptsParseTests.Migrations)
        {
            replay.Run(script);
        }

        Assert.True(replay.Problems.Count == 0, string.Join("\n", replay.Problems));
        Assert.True(replay.Indexes.Count >= 100, $"only {replay.Indexes.Count} indexes replayed");
        Assert.Contains(("activities", "ix_activities_selling_time"), replay.Indexes);
    }

    [Fact]
    public void A_wrong_index_statement_is_reported()
    {
        var replay = new Replay();
        replay.Run("""
            CREATE TABLE deals (id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY NONCLUSTERED, closed_at DATETIMEOFFSET NULL, INDEX ix_deals_closed (closed_at));
            CREATE INDEX ix_deals_closed ON deals (closed_at, id);
            CREATE INDEX ix_deals_owner ON deals (owner_id) INCLUDE (closed_at) WHERE deleted_at IS NULL;
            CREATE INDEX ix_deals_twice ON deals (closed_at) INCLUDE (closed_at);
            DROP INDEX ix_deals_created ON deals;
            DROP INDEX ix_deals_closed ON deals;
            DROP INDEX ix_deals_closed ON deals;
            CREATE INDEX ix_leads_created ON leads (created_at);
            CREATE INDEX ix_deals_closed ON deals (closed_at) WITH (DROP_EXISTING = ON);
            """);

        Assert.Equal(
            [
                "CREATE INDEX ix_deals_closed ON deals: the name is taken",
                "CREATE INDEX ix_deals_owner ON deals: no column owner_id",
                "CREATE INDEX ix_deals_owner ON deals: no column deleted_at",
                "CREATE INDEX ix_deals_twice ON deals: closed_at both in the key and INCLUDE",
                "DROP INDEX ix_deals_created ON deals: no such index",
                "DROP INDEX ix_deals_closed ON deals: no such index",
                "CREATE INDEX ix_leads_created ON leads: no table leads",
                "CREATE INDEX ix_deals_closed ON deals: DROP_EXISTING but no such index",
            ],
            replay.Problems);
    }

    /// <summary>The tables' columns and the (table, index) pairs as the statements run, and what did not fit.</summary>
    private sealed class Replay
    {
        private readonly Dictionary<string, HashSet<string>> _tables = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<(string Table, string Index)> Indexes { get; } = [];

        public List<string> Problems { get; } = [];

        public void Run(string script)
        {
            var parsed = SqlServerScriptsParseTests.Parse(script, out var errors);
            Assert.Empty(errors);
            foreach (var statement in parsed.Batches.SelectMany(b => b.Statements))
            {
                switch (statement)
                {
                    case CreateTableStatement create:
                        var table = Name(create.SchemaObjectName);
                        _tables[table] = Columns(create.Definition.ColumnDefinitions);
                        foreach (var index in create.Definition.Indexes)
                        {
                            Indexes.Add((table, index.Name.Value.ToLowerInvariant()));
                        }

                        break;
                    case AlterTableAddTableElementStatement add when _tables.TryGetValue(Name(add.SchemaObjectName), out var columns):
                        columns.UnionWith(Columns(add.Definition.ColumnDefinitions));
                        break;
                    case DropTableStatement drop:
                        foreach (var dropped in drop.Objects.Select(Name))
                        {
                            _tables.Remove(dropped);
                            Indexes.RemoveWhere(i => i.Table == dropped);
                        }

                        break;
                    case CreateIndexStatement index:
                        Create(index);
                        break;
                    case DropIndexStatement drop:
                        foreach (var clause in drop.DropIndexClauses.OfType<DropIndexClause>())
                        {
                            var key = (Name(clause.Object), clause.Index.Value.ToLowerInvariant());
                            if (!Indexes.Remove(key))
                            {
                                Problems.Add($"DROP INDEX {key.Item2} ON {key.Item1}: no such index");
                            }
                        }

                        break;
                }
            }
        }

        private void Create(CreateIndexStatement index)
        {
            var table = Name(index.OnName);
            var name = index.Name.Value.ToLowerInvariant();
            var label = $"CREATE INDEX {name} ON {table}";
            if (!_tables.TryGetValue(table, out var columns))
            {
                Problems.Add($"{label}: no table {table}");
                return;
            }

            var replaces = index.IndexOptions.OfType<IndexStateOption>().Any(o => o.OptionKind == IndexOptionKind.DropExisting && o.OptionState == OptionState.On);
            if (Indexes.Add((table, name)) == replaces)
            {
                Problems.Add(replaces ? $"{label}: DROP_EXISTING but no such index" : $"{label}: the name is taken");
            }

            var key = index.Columns.Select(c => Column(c.Column)).ToList();
            var included = index.IncludeColumns.Select(Column).ToList();
            var filtered = new FilterColumns();
            index.FilterPredicate?.Accept(filtered);
            foreach (var missing in key.Concat(included).Concat(filtered.Names).Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !columns.Contains(c)))
            {
                Problems.Add($"{label}: no column {missing}");
            }

            foreach (var both in key.Intersect(included, StringComparer.OrdinalIgnoreCase))
            {
                Problems.Add($"{label}: {both} both in the key and INCLUDE");
            }
        }

        private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value.ToLowerInvariant();

        private static string Column(ColumnReferenceExpression column) => column.MultiPartIdentifier.Identifiers[^1].Value;

        private static HashSet<string> Columns(IEnumerable<ColumnDefinition> definitions) =>
            new(definitions.Select(c => c.ColumnIdentifier.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The columns a filtered index's WHERE names.</summary>
    private sealed class FilterColumns : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(ColumnReferenceExpression node) => Names.Add(node.MultiPartIdentifier.Identifiers[^1].Value);
    }
}
