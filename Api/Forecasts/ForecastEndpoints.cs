using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Forecasts.ExplainForecast;
using SalesCrm.Application.Forecasts.GetForecast;
using SalesCrm.Application.Forecasts.GetForecastAccuracy;
using SalesCrm.Application.Forecasts.SetForecastCategory;
using SalesCrm.Application.Forecasts.Snapshots;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Api.Forecasts;

public static class ForecastEndpoints
{
    private const string Subject =
        "`teamId` or `userId` cut the forecast to a team (its current members) or a rep; without either, a rep gets their own, a "
        + "manager their team's, an admin or integration the organisation's. A team or rep outside the caller's scope is 404. ";

    private const string Period =
        "`period` is `month` or `quarter` and `start` its first day (yyyy-MM-dd), a calendar period in the organisation's time zone; "
        + "it must be the current or a future period (an ended one is 400 on `start`) starting at most 2 years after today. ";

    private const string Methods =
        "Stage-weighted: won so far (deals won in the period up to now) + Σ amount × stage probability over open deals whose "
        + "expected close date falls in the period. Cycle-age: won so far + Σ amount × min(1, age / typical cycle) over the same "
        + "open deals, age = days from the deal's creation to now, typical cycle = median days from creation to close of the "
        + "subject's deals won in the 12 months before now (no such deals: `typicalCycleDays` null and open deals add 0); "
        + "probabilities are rounded to 4 places. Historical: trailing three-month average monthly won revenue (the three whole "
        + "calendar months before the current one, / 3) × months in the period × (1 + `growthRate`) + `newReps` × `newRepDeals` × "
        + "`newRepDealSize` (defaults: growthRate 0, newReps 0, newRepDeals 1, newRepDealSize = the average won deal size of the "
        + "trailing three months, 0 without wins; bounds: growthRate −1 to 10, newReps 0 to 10,000, newRepDeals 0 to 1,000). "
        + "Open deals without an expected close date are left out of every method and counted in `openWithoutCloseDate`; open "
        + "deals expected to close before the period are left out too. `categories` rolls the open deals expected to close in "
        + "the period up by forecast category (all four, empty ones included). Soft-deleted deals never count; `pipelineId` "
        + "keeps one pipeline's deals (the historical method too). ";

    public static IEndpointRouteBuilder MapForecastEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/forecasts").WithTags("Forecasts");
        group.MapGet("/", Get).WithName("getForecast").RequireAuthorization(Policies.MetricsReader).RequiredQuery("period", "start").QueryEnum<ForecastPeriod>("period")
            .Doc("Forecast a period", "The three forecasts of a month or quarter side by side, each with the counts and amounts behind it. "
                + Methods + Period + Subject)
            .BadInput().Problems(403, 404);
        group.MapGet("/explain", Explain).WithName("explainForecast").RequireAuthorization(Policies.MetricsReader)
            .RequiredQuery("method", "period", "start")
            .QueryEnum<ForecastPeriod>("period").QueryEnum<ForecastMethod>("method")
            .Doc("Deals behind a forecast",
                "For `method` `stage_weighted` or `cycle_age`: the deals won so far in the period (`at` = close, `value` 1) and the open "
                + "deals expected to close in it (`at` = creation, `value` = the probability the method gave it, a fraction); for "
                + "`historical`: the deals won in the trailing three months (`at` = close, `value` null). `amount` is the deal's amount. "
                + "Oldest first, paginated with `limit` and `cursor`. " + Period + Subject)
            .BadInput().Problems(403, 404);
        group.MapGet("/accuracy", Accuracy).WithName("getForecastAccuracy").RequireAuthorization(Policies.MetricsReader).RequiredQuery("period")
            .QueryEnum<ForecastPeriod>("period")
            .Doc("Forecast accuracy",
                "The subject's ended periods of kind `period` that have snapshots, newest first, the latest `limit` of them (default 12, "
                + "up to 60): per method the forecast saved by the snapshot (`forecast`, `wonSoFarAtSnapshot`, "
                + "`takenAt`; `late` when it was taken at or after the start of the period's second local day, so it already knew "
                + "part of the result: listed and compared all the same), the actual revenue won in the period (`actual`: count and amount of deals won in it, as the records "
                + "stand now), and accuracy = 1 − |forecast − actual| / actual, rounded to 4 places (null when nothing was won; below "
                + "0 when the forecast missed by more than the actual). " + Subject)
            .BadInput().Problems(403, 404);
        group.MapPost("/snapshots", Snapshot).WithName("snapshotForecasts").RequireAuthorization(Policies.AdminOrManager).WithIdempotency()
            .Doc("Take the due forecast snapshots",
                "Saves the forecasts due and missing now: for the current month and the current quarter (organisation's zone), each "
                + "method once (all pipelines, default historical inputs), for the team or rep named by `teamId`/`userId` (404 outside "
                + "the caller's scope) or, without one, for everything the caller manages (an admin: the organisation, every team and "
                + "every active rep; a manager: their team and its reps). A background run does the same for everyone on start and "
                + "every 10 minutes, so each period is saved at its start. Idempotent: one snapshot per subject, period, start and "
                + "method; existing ones are kept and `saved` counts the new ones.")
            .BadInput().Problems(403, 404);

        app.MapPut("/api/v1/opportunities/{id:guid}/forecast", SetCategory).WithName("setForecastCategory").WithTags("Opportunities")
            .RequireAuthorization(Policies.OpportunityWriter).RequiresIfMatch()
            .Doc("Set a deal's forecast category",
                "`category` is `commit`, `best_case`, `pipeline` (every deal's default) or `omitted`: the rep's call, rolled up per "
                + "period in the forecast's `categories`. The deal's owner, their manager, an admin or an integration with "
                + "`opportunities:write` may set it (others: 404). The expected close date that places the deal in a period is set "
                + "with `updateOpportunity` (`expectedCloseDate`). Requires `If-Match` with the opportunity's ETag (428 without it, "
                + "412 when stale); the answer carries the new one.")
            .BadInput().Problems(403, 404, 412, 428);
        return app;
    }

    private static async Task<Ok<ForecastReport>> Get(
        IMediator mediator, CancellationToken ct, string? period = null, DateOnly? start = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null, decimal? growthRate = null, int? newReps = null, int? newRepDeals = null, decimal? newRepDealSize = null)
    {
        var inputs = new HistoricalInputs(growthRate ?? 0m, newReps ?? 0, newRepDeals ?? 1, newRepDealSize);
        return TypedResults.Ok(await mediator.Send(
            new GetForecastQuery(RequirePeriod(period), RequireStart(start), inputs, teamId, userId, pipelineId), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? method = null, string? period = null, DateOnly? start = null, Guid? teamId = null,
        Guid? userId = null, Guid? pipelineId = null, int? limit = null, string? cursor = null)
    {
        var figure = QueryEnums.Parse<ForecastMethod>(method, "method")
            ?? throw RequestValidationException.For("method", "method is required: stage_weighted, cycle_age or historical.");
        return TypedResults.Ok(await mediator.Send(
            new ExplainForecastQuery(figure, RequirePeriod(period), RequireStart(start), teamId, userId, pipelineId, limit, cursor), ct));
    }

    private static async Task<Ok<ForecastAccuracyReport>> Accuracy(
        IMediator mediator, CancellationToken ct, string? period = null, Guid? teamId = null, Guid? userId = null, int? limit = null) =>
        TypedResults.Ok(await mediator.Send(new GetForecastAccuracyQuery(RequirePeriod(period), teamId, userId, limit), ct));

    private static async Task<Ok<SnapshotRun>> Snapshot(IMediator mediator, CancellationToken ct, Guid? teamId = null, Guid? userId = null) =>
        TypedResults.Ok(await mediator.Send(new SnapshotForecastsCommand(teamId, userId), ct));

    private static async Task<Ok<ForecastCategoryDto>> SetCategory(
        Guid id, SetForecastCategoryRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new SetForecastCategoryCommand(id, http.Request.IfMatchVersion(), request.Category), ct));

    private static ForecastPeriod RequirePeriod(string? period) =>
        QueryEnums.Parse<ForecastPeriod>(period, "period")
        ?? throw RequestValidationException.For("period", "period is required: month or quarter.");

    private static DateOnly RequireStart(DateOnly? start) =>
        start ?? throw RequestValidationException.For("start", "start is required: the first day of the period (yyyy-MM-dd).");
}

/// <summary>The body of <c>PUT /opportunities/{id}/forecast</c>.</summary>
public sealed record SetForecastCategoryRequest(ForecastCategory? Category);
