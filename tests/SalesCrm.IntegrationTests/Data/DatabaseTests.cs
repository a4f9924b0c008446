using SalesCrm.Infrastructure.Data;

namespace SalesCrm.IntegrationTests.Data;

/// <summary>Base of every test class that runs against both engines; skips (never passes) when its engine is unavailable.</summary>
public abstract class DatabaseTests
{
    /// <summary>A whole-millisecond UTC instant: both engines keep milliseconds, so values round-trip exactly.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 15, 123, TimeSpan.Zero);

    protected DatabaseTests(TestDatabase database)
    {
        if (database.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        Connections = database.Connections;
    }

    protected IDbConnectionFactory Connections { get; }

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;
}
