using SalesCrm.Api.Tests.Forecasts;
using SalesCrm.Api.Tests.Opportunities;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>The forecast rows: the figures are read like metrics, snapshots are taken by managers and admins, categories set like opportunity updates.</summary>
public static class ForecastAccessCases
{
    public static IEnumerable<AccessCase> All =>
    [
        new("getForecast", Rep, id => Get($"/api/v1/forecasts?period=month&start={ForecastsApi.Iso(ForecastsApi.ThisMonth)}&userId={id}"),
            OwnedRecord("metrics:read")),
        new("explainForecast", Rep,
            id => Get($"/api/v1/forecasts/explain?method=stage_weighted&period=quarter&start={ForecastsApi.Iso(ForecastsApi.ThisQuarter)}&userId={id}"),
            OwnedRecord("metrics:read")),
        new("getForecastAccuracy", Rep, id => Get($"/api/v1/forecasts/accuracy?period=month&userId={id}"), OwnedRecord("metrics:read")),
        new("snapshotForecasts", Rep, id => Send(HttpMethod.Post, $"/api/v1/forecasts/snapshots?userId={id}", new { }),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed))),
        new("setForecastCategory", OpportunityAsync, id => Send(HttpMethod.Put, $"/api/v1/opportunities/{id}/forecast", new { category = "commit" }, "\"1\""),
            OwnedRecord("opportunities:write")),
    ];

    private static Task<string> Rep(AccessWorld world) => Task.FromResult(world.RepA.Id.ToString());

    private static async Task<string> OpportunityAsync(AccessWorld world) =>
        (await world.OwnerClient.CreateOpportunityAsync(await world.Factory.AccountAsync())).Id.ToString();
}
