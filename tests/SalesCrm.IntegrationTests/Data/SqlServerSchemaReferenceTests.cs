using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// SQL Server cannot run here (no Docker), and parsing proves only the syntax. So every SQL Server statement is also checked
/// against the schema its migrations build, without a server: each table it names must exist (or be a CTE, a temp table,
/// or a trigger's <c>inserted</c> / <c>deleted</c>), and each <c>alias.column</c> whose alias stands for a table must be a
/// column of that table. The schema is the migrations' CREATE TABLE and ALTER TABLE … ADD, in order. A statement is checked
/// against the schema after the migrations run, a migration against the schema after itself. A column named without an
/// alias, or through a derived table, a CTE or OPENJSON, is not checked. A typo in a column or table name of a SQL
/// Server-only text is caught here, not on a customer's server.
/// </summary>
public sealed class SqlServerSchemaReferenceTests
{
    private static readonly Lazy<Schema> Migrated = new(() => Schema.Build(SqlServerScriptsParseTests.Migrations));

    [Fact]
    public void The_schema_holds_the_tables_and_columns_of_the_migrations()
    {
        var schema = Migrated.Value;

        Assert.True(schema.Tables.Count >= 40, $"only {schema.Tables.Count} tables");
        Assert.Contains("owner_id", schema.Tables["opportunities"]);
        Assert.Contains("started_on", schema.Tables["users"]); // added by a later ALTER TABLE
        Assert.Contains("late_hour", schema.Tables["late_follow_up_days"]); // dropped and created anew by 0038
    }

    [Fact]
    public void A_wrong_column_or_table_is_reported()
    {
        var schema = Migrated.Value;

        Assert.Equal(
            ["no table opportunity", "o.owner: no column owner in opportunities"],
            References.Problems("SELECT o.owner FROM opportunities o JOIN opportunity x ON x.id = o.id", schema).Order());
    }

    [Theory]
    [MemberData(nameof(SqlServerScriptsParseTests.StatementNames), MemberType = typeof(SqlServerScriptsParseTests))]
    public void Statement_names_only_tables_and_columns_that_exist(string name)
    {
        var schema = SqlServerScriptsParseTests.IsMigration(name) ? Schema.Build(SqlServerScriptsParseTests.MigrationsUpTo(name)) : Migrated.Value;

        var problems = References.Problems(SqlServerScriptsParseTests.Statement(name), schema);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    /// <summary>Tables and their columns (lower case), as the migrations leave them.</summary>
    private sealed record Schema(Dictionary<string, HashSet<string>> Tables)
    {
        public static Schema Build(IEnumerable<string> migrations)
        {
            var tables = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var script in migrations)
            {
                foreach (var statement in Parse(script))
                {
                    switch (statement)
                    {
                        case CreateTableStatement create:
                            tables[create.SchemaObjectName.BaseIdentifier.Value] = Columns(create.Definition.ColumnDefinitions);
                            break;
                        case AlterTableAddTableElementStatement add when tables.TryGetValue(add.SchemaObjectName.BaseIdentifier.Value, out var columns):
                            columns.UnionWith(Columns(add.Definition.ColumnDefinitions));
                            break;
                        case DropTableStatement drop:
                            foreach (var dropped in drop.Objects)
                            {
                                tables.Remove(dropped.BaseIdentifier.Value);
                            }

                            break;
                    }
                }
            }

            return new Schema(tables);
        }

        private static HashSet<string> Columns(IEnumerable<ColumnDefinition> definitions) =>
            new(definitions.Select(c => c.ColumnIdentifier.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What one statement (or script) names, checked against a schema.</summary>
    private sealed class References : TSqlFragmentVisitor
    {
        private readonly Dictionary<string, HashSet<string>> _aliases = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _tables = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _ctes = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Alias, string Column)> _columns = [];
        private readonly HashSet<string> _created = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _declaredAliases = new(StringComparer.OrdinalIgnoreCase);
        private string? _triggerTable;

        public static List<string> Problems(string sql, Schema schema)
        {
            var references = new References();
            foreach (var statement in Parse(sql))
            {
                statement.Accept(references);
            }

            return references.Check(schema);
        }

        public override void ExplicitVisit(CreateTriggerStatement node)
        {
            _triggerTable = node.TriggerObject.Name.BaseIdentifier.Value;
            base.ExplicitVisit(node);
        }

        public override void Visit(CreateTableStatement node) => _created.Add(node.SchemaObjectName.BaseIdentifier.Value);

        public override void Visit(CommonTableExpression node) => _ctes.Add(node.ExpressionName.Value);

        public override void Visit(NamedTableReference node)
        {
            var table = node.SchemaObject.BaseIdentifier.Value;
            if (node.SchemaObject.SchemaIdentifier is not null || table.StartsWith('#'))
            {
                return; // sys.* and temp tables
            }

            table = table.ToLowerInvariant() is "inserted" or "deleted" && _triggerTable is not null ? _triggerTable : table;
            _tables.Add(table);
            if (node.Alias is not null)
            {
                _declaredAliases.Add(node.Alias.Value);
            }

            var alias = node.Alias?.Value ?? node.SchemaObject.BaseIdentifier.Value;
            if (!_aliases.TryGetValue(alias, out var tables))
            {
                _aliases[alias] = tables = new(StringComparer.OrdinalIgnoreCase);
            }

            tables.Add(table);
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            var parts = node.MultiPartIdentifier?.Identifiers;
            if (parts is { Count: 2 })
            {
                _columns.Add((parts[0].Value, parts[1].Value));
            }
        }

        private List<string> Check(Schema schema)
        {
            // UPDATE m … FROM stage_moves m: the target names an alias declared elsewhere in the statement, not a table.
            foreach (var tables in _aliases.Values)
            {
                tables.RemoveWhere(_declaredAliases.Contains);
            }

            bool Known(string table) =>
                schema.Tables.ContainsKey(table) || _ctes.Contains(table) || _created.Contains(table) || _declaredAliases.Contains(table);

            var problems = _tables.Where(t => !Known(t)).Select(t => $"no table {t}").ToList();
            foreach (var (alias, column) in _columns.Distinct())
            {
                if (_aliases.TryGetValue(alias, out var tables) && tables.Count > 0 && tables.All(t => schema.Tables.ContainsKey(t))
                    && !tables.Any(t => schema.Tables[t].Contains(column)))
                {
                    problems.Add($"{alias}.{column}: no column {column} in {string.Join(" or ", tables)}");
                }
            }

            return problems;
        }
    }

    private static IEnumerable<TSqlStatement> Parse(string sql)
    {
        var script = SqlServerScriptsParseTests.Parse(sql, out var errors);
        Assert.Empty(errors);
        return script.Batches.SelectMany(b => b.Statements);
    }
}
