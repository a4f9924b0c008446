using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Metrics.People.Quadrant;
using SalesCrm.Application.Metrics.People.Ramp;

namespace SalesCrm.Api.Metrics;

/// <summary>Section F: ramp time and the rep quadrant (docs/people.md).</summary>
public static class PeopleMetricEndpoints
{
    private const string Scope =
        "`teamId` or `userId` cut to a team (its current members) or a rep; without either a rep gets themself, a manager their team, an "
        + "admin or `metrics:read` integration the organisation. A team or rep outside the caller's scope is 404; a rep reading their own "
        + "team gets its aggregates but only their own row.";

    public static IEndpointRouteBuilder MapPeopleMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics/people").WithTags("Metrics");
        group.MapGet("/ramp", Ramp).WithName("getRampTime").RequireAuthorization(Policies.MetricsReader).QueryEnum<RampCohort>("cohort")
            .BadInput().Problems(403, 404)
            .Doc("Ramp time",
                "Per rep (the rep asked for, or every user with role `rep` of the team or organisation, active or not; with `from`/`to`, only "
                + "those whose start date is in [from, to)): `startedOn` = the start date an admin set on the user, else the date (organisation "
                + "time zone) the user was created (`startedOnDefaulted` true); `firstWonAt` = the close time of their first deal won as owner "
                + "at or after the start of that date (live deals whose outcome is `won`), `daysToFirstWin` = calendar days from startedOn to "
                + "the date of firstWonAt (0 on the start date itself); `firstQuotaAttained` = their first finished quota period (by period end) "
                + "that ends after startedOn with attainment >= 100%, measured exactly as quota attainment measures it (revenue or deal quotas), "
                + "and `daysToQuota` = days from startedOn to that period's end (its exclusive end date: a rep starting 1 January who makes "
                + "January's quota took 31 days). Null while not reached. Per hiring cohort (`cohort` = `month`, the default, or `quarter` of the "
                + "start date): `reps`, `repsWithFirstWin` and `medianDaysToFirstWin` (over those reps), `repsReachedQuota` and "
                + "`medianDaysToQuota`; medians are null with no rep. " + Scope);
        group.MapGet("/quadrant", Quadrant).WithName("getRepQuadrant").RequireAuthorization(Policies.MetricsReader).RequiredQuery("quarter")
            .BadInput().Problems(403, 404)
            .Doc("Rep quadrant",
                "For each team in scope (every team with active reps for the organisation, the team asked for, the caller's team for a rep or "
                + "manager): each active rep's won revenue in `quarter` (its first day: 1 January, April, July or October) and in the quarter "
                + "before (`previousRevenue`), `change` = revenue - previousRevenue, and `medianRevenue` = the median of the team's reps' revenue in "
                + "`quarter` (zeros included; the mean of the two middle values for an even count). `quadrant`: at or above the median and grew "
                + "(revenue > previousRevenue) → `rising_star`; at or above and did not grow → `falling_star`; below and grew → "
                + "`improving_laggard`; below and did not grow → `declining_laggard`. Ties: revenue equal to the median counts as above it "
                + "(`atOrAboveMedian`); revenue unchanged counts as not grown (`grew` false). Revenue is the current amount of deals won (outcome "
                + "`won`, closed in the quarter's calendar days in the organisation's time zone, deleted ones excluded), owned by the rep now; a "
                + "quarter under way counts to date. Reps without a team are in no team. `teamId` picks one team; a team outside the caller's "
                + "scope is 404; a rep gets their team's median but only their own row.");
        return app;
    }

    private static async Task<Ok<RampReport>> Ramp(
        IMediator mediator, CancellationToken ct, Guid? teamId = null, Guid? userId = null, string? cohort = null, DateOnly? from = null, DateOnly? to = null) =>
        TypedResults.Ok(await mediator.Send(
            new GetRampQuery(teamId, userId, QueryEnums.Parse<RampCohort>(cohort, "cohort") ?? RampCohort.Month, from, to), ct));

    private static async Task<Ok<QuadrantReport>> Quadrant(IMediator mediator, CancellationToken ct, DateOnly? quarter = null, Guid? teamId = null) =>
        TypedResults.Ok(await mediator.Send(
            new GetQuadrantQuery(quarter ?? throw RequestValidationException.For("quarter", "quarter is required: the first day of a quarter (yyyy-MM-dd)."), teamId), ct));
}
