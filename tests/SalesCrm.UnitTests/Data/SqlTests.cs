using SalesCrm.Infrastructure.Data;

namespace SalesCrm.UnitTests.Data;

public sealed class SqlTests
{
    private static readonly Sql Page = new("SELECT id FROM teams ORDER BY id {limit}");

    [Fact]
    public void The_limit_fragment_becomes_LIMIT_on_SQLite()
    {
        Assert.Equal("SELECT id FROM teams ORDER BY id LIMIT @Limit", Page.For(SqlDialect.Sqlite));
    }

    [Fact]
    public void The_limit_fragment_becomes_OFFSET_FETCH_on_SQL_Server()
    {
        Assert.Equal("SELECT id FROM teams ORDER BY id OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY", Page.For(SqlDialect.SqlServer));
    }

    [Fact]
    public void Per_dialect_text_is_kept_apart_and_rendered_in_each()
    {
        var sql = new Sql("SELECT typeof(id) FROM t {limit}", "SELECT SQL_VARIANT_PROPERTY(id, 'BaseType') FROM t ORDER BY id {limit}");

        Assert.Equal("SELECT typeof(id) FROM t LIMIT @Limit", sql.For(SqlDialect.Sqlite));
        Assert.Equal(
            "SELECT SQL_VARIANT_PROPERTY(id, 'BaseType') FROM t ORDER BY id OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY",
            sql.For(SqlDialect.SqlServer));
    }

    [Fact]
    public void Text_without_fragments_is_left_alone()
    {
        var sql = new Sql("SELECT COUNT(*) FROM users WHERE email = @Email");

        Assert.Equal("SELECT COUNT(*) FROM users WHERE email = @Email", sql.For(SqlDialect.Sqlite));
        Assert.Equal("SELECT COUNT(*) FROM users WHERE email = @Email", sql.For(SqlDialect.SqlServer));
    }
}
