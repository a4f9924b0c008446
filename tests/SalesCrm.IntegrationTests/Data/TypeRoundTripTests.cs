using System.Globalization;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>Each storage form of <see cref="TypeHandlers"/> (SQLite) or native type (SQL Server) gives back exactly what went in.</summary>
public abstract class TypeRoundTripTests(TestDatabase database) : DatabaseTests(database)
{
    private static readonly Sql CreateValues = new(
        "CREATE TABLE scratch_values (id TEXT NOT NULL PRIMARY KEY, at INTEGER NOT NULL, amount INTEGER NOT NULL, day TEXT NOT NULL)",
        "CREATE TABLE scratch_values (id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY, at DATETIMEOFFSET(3) NOT NULL, amount DECIMAL(19,4) NOT NULL, day DATE NOT NULL)");

    private static readonly Sql InsertValue = new("INSERT INTO scratch_values (id, at, amount, day) VALUES (@Id, @At, @Amount, @Day)");

    private static readonly Sql SelectValue = new("SELECT id AS Id, at AS At, amount AS Amount, day AS Day FROM scratch_values WHERE id = @Id");

    private static readonly Sql CreateMoney = new(
        "CREATE TABLE scratch_money (amount INTEGER NOT NULL)",
        "CREATE TABLE scratch_money (amount DECIMAL(19,4) NOT NULL)");

    private static readonly Sql InsertMoney = new("INSERT INTO scratch_money (amount) VALUES (@Amount)");

    private static readonly Sql SumMoney = new("SELECT SUM(amount) FROM scratch_money");

    [Fact]
    public async Task Guid_timestamp_money_and_date_come_back_unchanged()
    {
        ScratchValue[] values =
        [
            new(Guid.Parse("0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d"), Utc("2025-03-30T01:59:59.999Z"), 1234567.8912m, new DateOnly(2025, 3, 30)),
            new(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), Utc("2025-10-26T02:30:00.001+05:30"), 0.0001m, new DateOnly(1999, 12, 31)),
            new(Guid.Parse("00000000-0000-0000-0000-000000000001"), Utc("1969-07-20T20:17:40.000Z"), -987654.3210m, new DateOnly(2024, 2, 29)),
            new(Guid.Parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), Utc("2099-12-31T23:59:59.500Z"), 99999999999.9999m, new DateOnly(2100, 1, 1)),
            new(Guid.Parse("12345678-9abc-4def-8123-456789abcdef"), Utc("2000-01-01T00:00:00.000Z"), 0m, new DateOnly(1, 1, 1)),
        ];
        await using var connection = await Connections.OpenAsync(Cancellation);
        await connection.ExecuteAsync(CreateValues.For(Connections.Dialect));
        foreach (var value in values)
        {
            await connection.ExecuteAsync(InsertValue.For(Connections.Dialect), value);
        }

        foreach (var expected in values)
        {
            var actual = await connection.QuerySingleAsync<ScratchValue>(SelectValue.For(Connections.Dialect), new { expected.Id });

            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.At, actual.At);
            Assert.Equal(TimeSpan.Zero, actual.At.Offset);
            Assert.Equal(expected.Amount, actual.Amount);
            Assert.Equal(expected.Day, actual.Day);
        }
    }

    [Fact]
    public async Task Money_sums_exactly_in_SQL()
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        await connection.ExecuteAsync(CreateMoney.For(Connections.Dialect));
        foreach (var amount in new[] { 0.1m, 0.2m, 1234567.8912m, 0.0001m, -0.0003m, -1000m })
        {
            await connection.ExecuteAsync(InsertMoney.For(Connections.Dialect), new { Amount = amount });
        }

        var sum = await connection.ExecuteScalarAsync<decimal>(SumMoney.For(Connections.Dialect));

        // 0.1 + 0.2 + 1234567.8912 + 0.0001 - 0.0003 - 1000, added up by hand.
        Assert.Equal(1233568.1910m, sum);
    }

    protected static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    protected sealed class ScratchValue
    {
        public ScratchValue()
        {
        }

        public ScratchValue(Guid id, DateTimeOffset at, decimal amount, DateOnly day) =>
            (Id, At, Amount, Day) = (id, at, amount, day);

        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public decimal Amount { get; init; }

        public DateOnly Day { get; init; }
    }
}

public sealed class SqliteTypeRoundTripTests(SqliteDatabase database) : TypeRoundTripTests(database), IClassFixture<SqliteDatabase>
{
    private const string CreateStoredForms =
        "CREATE TABLE stored_forms (id TEXT NOT NULL, at INTEGER NOT NULL, amount INTEGER NOT NULL, day TEXT NOT NULL)";

    private const string InsertStoredForm = "INSERT INTO stored_forms (id, at, amount, day) VALUES (@Id, @At, @Amount, @Day)";

    private const string SelectStoredForm =
        "SELECT typeof(id) || ':' || id || ' ' || typeof(at) || ':' || at || ' ' || " +
        "typeof(amount) || ':' || amount || ' ' || typeof(day) || ':' || day FROM stored_forms";

    [Fact]
    public async Task SQLite_stores_lowercase_text_uuid_unix_milliseconds_ten_thousandths_and_iso_dates()
    {
        await using var connection = await Connections.OpenAsync(Cancellation);
        await connection.ExecuteAsync(CreateStoredForms);
        await connection.ExecuteAsync(InsertStoredForm, new ScratchValue(
            Guid.Parse("0197A3C4-5E6F-7A8B-9C0D-1E2F3A4B5C6D"), Utc("2025-01-02T03:04:05.678Z"), -1234.5678m, new DateOnly(2025, 1, 2)));

        var stored = await connection.ExecuteScalarAsync<string>(SelectStoredForm);

        Assert.Equal("text:0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d integer:1735787045678 integer:-12345678 text:2025-01-02", stored);
    }
}

public sealed class SqlServerTypeRoundTripTests(SqlServerDatabase database) : TypeRoundTripTests(database), IClassFixture<SqlServerDatabase>;
