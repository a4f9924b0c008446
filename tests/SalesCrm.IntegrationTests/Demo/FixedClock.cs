namespace SalesCrm.IntegrationTests.Demo;

/// <summary>A clock stopped at one instant: a generated history is then the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
