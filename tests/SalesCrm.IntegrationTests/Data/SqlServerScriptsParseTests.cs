using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>
/// Every SQL Server statement SalesCrm sends, parsed without a server: the migration scripts and every
/// <see cref="Sql"/> (both forms of every <see cref="SubjectSql"/>) declared as a static field in Infrastructure. Runs everywhere, Docker or not.
/// The SQL Server 2022 grammar (TSql160) is the one of the image the container tests run on, so syntax
/// only a newer server understands is caught too.
/// </summary>
public sealed class SqlServerScriptsParseTests
{
    private const string MigrationLabel = "migration ";

    private static readonly Assembly Infrastructure = typeof(Sql).Assembly;

    private static readonly string ScriptPrefix = DatabaseMigrator.ScriptPrefix(SqlDialect.SqlServer);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Statements = new(FindStatements);

    public static TheoryData<string> StatementNames => [.. Statements.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The migration scripts in the order they run.</summary>
    public static IEnumerable<string> Migrations => MigrationsUpTo(null);

    public static string Statement(string name) => Statements.Value[name];

    public static bool IsMigration(string name) => !IsField(name);

    /// <summary>The migration scripts in order, up to and including <paramref name="last"/> (all of them when null).</summary>
    public static IEnumerable<string> MigrationsUpTo(string? last) =>
        Statements.Value.Keys.Where(IsMigration).Order(StringComparer.Ordinal)
            .TakeWhile(name => last is null || string.CompareOrdinal(name, last) <= 0)
            .Select(name => Statements.Value[name]);

    [Fact]
    public void Reflection_finds_every_migration_script_and_enough_statements()
    {
        var names = Statements.Value.Keys.ToList();

        Assert.Contains(names, name => !IsField(name));
        Assert.True(names.Count(IsField) >= 20, $"Only {names.Count(IsField)} Sql fields found: {string.Join(", ", names)}");
    }

    [Fact]
    public void The_parser_rejects_SQLite_only_syntax()
    {
        Assert.NotEmpty(Parse("SELECT id FROM teams ORDER BY id LIMIT @Limit"));
    }

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Statement_parses_as_SQL_Server_TSQL(string name)
    {
        var errors = Parse(Statements.Value[name]);

        Assert.True(
            errors.Count == 0,
            $"{name}:{Environment.NewLine}" + string.Join(
                Environment.NewLine, errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}")));
    }

    /// <summary>
    /// The code passes one parameter object to whichever dialect runs, and only the SQLite text runs here: a parameter that
    /// only the SQL Server text names (a typo, a rename missed) would fail on SQL Server alone.
    /// </summary>
    [Fact]
    public void Every_statement_names_the_same_parameters_in_both_dialects()
    {
        static HashSet<string> Names(string sql) =>
            [.. System.Text.RegularExpressions.Regex.Matches(sql, "(?<!@)@[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value.ToLowerInvariant())];

        var sqls = SqlFields().ToList();
        var differing = sqls
            .Where(s => !Names(s.Sql.For(SqlDialect.SqlServer)).SetEquals(Names(s.Sql.For(SqlDialect.Sqlite))))
            .Select(s => s.Name)
            .ToList();

        Assert.True(sqls.Count > 300, $"only {sqls.Count} statements found");
        Assert.True(differing.Count == 0, "parameters differ: " + string.Join(", ", differing));
    }

    private static IList<ParseError> Parse(string sql)
    {
        Parse(sql, out var errors);
        return errors;
    }

    /// <summary>The SQL Server 2022 (TSql160) parse of <paramref name="sql"/>, as every SQL Server check here reads it.</summary>
    internal static TSqlScript Parse(string sql, out IList<ParseError> errors)
    {
        using var reader = new StringReader(sql);
        return (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out errors);
    }

    private static bool IsField(string name) => !name.StartsWith(MigrationLabel, StringComparison.Ordinal);

    private static Dictionary<string, string> FindStatements()
    {
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in Infrastructure.GetManifestResourceNames()
                     .Where(name => name.StartsWith(ScriptPrefix, StringComparison.Ordinal)))
        {
            using var stream = Infrastructure.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            statements.Add(MigrationLabel + resource[ScriptPrefix.Length..], reader.ReadToEnd());
        }

        foreach (var (name, sql) in SqlFields())
        {
            statements.Add(name, sql.For(SqlDialect.SqlServer));
        }

        return statements;
    }

    /// <summary>
    /// Every <see cref="Sql"/> declared as a static field in Infrastructure, and both forms of every <see cref="SubjectSql"/>.
    /// Short names keep the theory rows readable: "UserStore.Insert", "Outer+Nested.Field", "ResultMetricsStore.WonDeals.Members".
    /// </summary>
    private static IEnumerable<(string Name, Sql Sql)> SqlFields()
    {
        const BindingFlags staticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in Infrastructure.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            var typeName = type.Namespace is null ? type.FullName : type.FullName![(type.Namespace.Length + 1)..];
            foreach (var field in type.GetFields(staticFields).Where(f => f.FieldType == typeof(Sql) || f.FieldType == typeof(SubjectSql)))
            {
                switch (field.GetValue(null))
                {
                    case Sql sql:
                        yield return ($"{typeName}.{field.Name}", sql);
                        break;
                    case SubjectSql pair:
                        yield return ($"{typeName}.{field.Name}.Organisation", pair.Organisation);
                        yield return ($"{typeName}.{field.Name}.Members", pair.Members);
                        break;
                }
            }
        }
    }
}
