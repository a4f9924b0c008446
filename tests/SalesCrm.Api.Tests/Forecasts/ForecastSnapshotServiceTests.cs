using Microsoft.AspNetCore.Hosting;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Opportunities;
using SalesCrm.Infrastructure.Forecasts;
using static SalesCrm.Api.Tests.Forecasts.ForecastsApi;

namespace SalesCrm.Api.Tests.Forecasts;

/// <summary>
/// The background run, switched on for this class only (it is off in the Testing environment so other tests' databases
/// stay as they made them): on start it saves the current month and quarter for the organisation, every team and rep.
/// </summary>
public sealed class ForecastSnapshotServiceTests(ForecastSnapshotServiceTests.SnapshottingFactory factory)
    : IClassFixture<ForecastSnapshotServiceTests.SnapshottingFactory>
{
    [Fact]
    public async Task On_start_the_service_saves_this_month_and_quarter_for_the_organisation_once()
    {
        using var admin = await factory.AdminClientAsync();
        const string count = "SELECT COUNT(*) FROM forecast_snapshots WHERE subject_kind = 'organisation' AND period = $period AND period_start = $start";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        long month = 0, quarter = 0;
        while (DateTime.UtcNow < deadline && (month < 3 || quarter < 3))
        {
            await Task.Delay(100);
            month = await factory.ScalarSqlAsync(count, ("$period", "month"), ("$start", Iso(ThisMonth)));
            quarter = await factory.ScalarSqlAsync(count, ("$period", "quarter"), ("$start", Iso(ThisQuarter)));
        }

        Assert.Equal((3L, 3L), (month, quarter));   // one row per method, saved once however often the service runs
    }

    public sealed class SnapshottingFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(ForecastSnapshotService.EnabledSetting, "true");
        }
    }
}
