using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Surveys;

/// <summary>
/// The API with a clock the test can move forward, so a survey answered while open can then be read closed. Move it only
/// after every client has signed in; tokens stay those issued at the real time.
/// </summary>
public sealed class SurveyClockFactory : ApiFactory
{
    public ShiftedClock Clock { get; } = new();

    /// <summary>Today in the organisation's zone (UTC in these tests) by the API's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
