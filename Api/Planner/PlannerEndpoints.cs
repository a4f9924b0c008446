using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Planner;

namespace SalesCrm.Api.Planner;

public static class PlannerEndpoints
{
    public static IEndpointRouteBuilder MapPlannerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/planner").WithTags("Planner")
            .MapGet("/", Get).WithName("getPlan").RequireAuthorization(Policies.MetricsReader).RequiredQuery("month")
            .Doc("Activity planner (reverse funnel)",
                "For `month` (yyyy-MM, at most 60 months from now) and exactly one goal — `goalDeals` (whole won deals, 1 to 100,000) or "
                + "`goalRevenue` (won revenue) — the won deals, opportunities, held meetings and outbound calls needed in the month and per "
                + "working day, for the caller or `userId` (a rep in the caller's scope; 404 outside it; integrations must give it). "
                + "Rates are fractions in (0, 1]: `dealsPerOpportunity` (win rate = won deals / opportunities created), "
                + "`opportunitiesPerMeeting` (opportunities created / held meetings), `meetingsPerCall` (held meetings / outbound calls), "
                + "and optionally `callToDeal` (won deals / outbound calls; when given it alone sets the calls). A rate not given is read "
                + "from the rep's own history over the six full calendar months before the current month (organisation time zone; won "
                + "deals by close date, opportunities by creation, meetings when held), rounded to 4 places and capped at 1; when that "
                + "history has no numerator or no denominator, from the organisation's over the same months; failing that the answer is 400 "
                + "naming the rate to give. A revenue goal becomes deals = goalRevenue / average won deal size (`averageDealSize`, given "
                + "or from the same history: won amount / won deals). Each figure = goal / product of the rates below it, rounded up once; "
                + "per working day = the month's figure / working days, rounded up (null without working days). Working days = Monday–Friday "
                + "of the month minus the organisation's non-working days (`nonWorkingDays` lists those that fell on a weekday). Each rate "
                + "is returned with its `source` (`given`, `rep_history`, `organisation`) and the counts behind it. "
                + "Example: 50 deals at `callToDeal` 0.05 → 1,000 calls a month, 48 a day over 21 working days.")
            .BadInput().Problems(403, 404);
        return app;
    }

    private static async Task<Ok<PlannerReport>> Get(
        IMediator mediator, CancellationToken ct, string? month = null, long? goalDeals = null, decimal? goalRevenue = null, Guid? userId = null,
        decimal? dealsPerOpportunity = null, decimal? opportunitiesPerMeeting = null, decimal? meetingsPerCall = null, decimal? callToDeal = null,
        decimal? averageDealSize = null) =>
        TypedResults.Ok(await mediator.Send(
            new GetPlanQuery(month, goalDeals, goalRevenue, userId, dealsPerOpportunity, opportunitiesPerMeeting, meetingsPerCall, callToDeal, averageDealSize), ct));
}
