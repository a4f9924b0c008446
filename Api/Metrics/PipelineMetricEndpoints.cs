using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Pipeline;

namespace SalesCrm.Api.Metrics;

public static class PipelineMetricEndpoints
{
    private const string Subject =
        "`teamId` or `userId` cut the numbers to a team (its current members) or a rep (404 outside the caller's scope); `pipelineId` "
        + "to one pipeline (404 when unknown), all pipelines otherwise.";

    public static IEndpointRouteBuilder MapPipelineMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics/pipeline").WithTags("Metrics");
        group.MapGet("/", Snapshot).WithName("getPipelineSnapshot").Reader()
            .Doc("Open pipeline as of an instant",
                "The open opportunities as of `asOf` (an instant, default now; a future one is 400), rebuilt from the stage history: an "
                + "opportunity created at or before `asOf` and not deleted is in the stage entered by its last stage move at or before "
                + "`asOf` (ties by move number), and is open when that stage is an open stage. `totals`, `byStage` (every stage of the "
                + "pipeline(s) in position order, empty ones included, pipelines oldest first; archived stages only while they hold deals) "
                + "and `byRep` (reps with open deals, largest weighted amount first) each give count, amount and weighted amount = "
                + "Σ amount × stage probability / 100 (a 1,000 deal in a 60% stage weighs 600). `byStage` adds the average and median "
                + "current age in stage, in days as of `asOf`, of its open deals (null when none). The owner is the owner as of `asOf`, "
                + "rebuilt from the owner changes; the amount is the current amount (amount history is not kept). " + Subject);
        group.MapGet("/days-in-stage", DaysInStage).WithName("getDaysInStage").WindowedMetric()
            .Doc("Days in stage",
                "For each open stage of the pipeline(s): the exits from it in the window (stage moves leaving it, by when they happened) "
                + "and the average and median days the deals had spent in it (from the move that entered it to the exit). Deals are cut "
                + "by their current owner. " + Subject + " " + MetricParameters.WindowDescription);
        group.MapGet("/conversion", Conversion).WithName("getStageConversion").WindowedMetric()
            .Doc("Stage conversion",
                "For each open stage of the pipeline(s): `entered` counts the stage moves into it in the window (creation included; a deal "
                + "entering twice counts twice) and each entry's fate, judged by the move that next left the stage: `advanced` (to a "
                + "later open stage or Won), `lost` (to Lost), `movedBack` (to an earlier stage) or `stillIn` (no move out yet, as of now). "
                + "Rates are shares of `entered`. Earlier and later follow the stages' current positions. Deals are cut by their current "
                + "owner. " + Subject + " " + MetricParameters.WindowDescription);
        group.MapGet("/stale", Stale).WithName("listStaleDeals").Reader()
            .Doc("Stale deals",
                "Open opportunities (now) whose time in their current stage exceeds the stage's limit: the stage's `staleAfterDays` "
                + "when set (`limitSource` `stage_setting`), otherwise twice the stage's historical median days in stage over every exit "
                + "from it ever recorded, all owners (`historical_median`); a stage without a setting and without exits has no limit. "
                + "Longest in stage first (oldest `stageEnteredAt`), paginated with `limit` and `cursor`. " + Subject);
        group.MapGet("/explain", Explain).WithName("explainPipelineMetrics").ExplainMetric<PipelineFigure>(windowRequired: false)
            .Doc("Records behind a pipeline figure",
                "`open_opportunities`: the opportunities of the snapshot as of `asOf` (default now; `from`/`to` not needed), `at` = when "
                + "they entered their stage then, `value` = that stage's probability. `stage_exits`: the stage moves that left an open "
                + "stage in the window, `value` = days spent in the stage. `stage_entries`: the stage moves into an open stage in the window, "
                + "`label` = the entry's fate (`advanced`, `lost`, `moved_back`, `still_in`). `stageId` narrows to one stage (the stage "
                + "left for exits, entered otherwise). Oldest first, paginated with `limit` and `cursor`. " + Subject);
        return app;
    }

    private static RouteHandlerBuilder Reader(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(Policies.MetricsReader).BadInput().Problems(403, 404);

    private static async Task<Ok<PipelineSnapshot>> Snapshot(
        IMediator mediator, CancellationToken ct, DateTimeOffset? asOf = null, Guid? pipelineId = null, Guid? teamId = null, Guid? userId = null) =>
        TypedResults.Ok(await mediator.Send(new GetPipelineSnapshotQuery(asOf, pipelineId, teamId, userId), ct));

    private static async Task<Ok<MetricReport<DaysInStageMetrics>>> DaysInStage(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(
            new GetDaysInStageQuery(window.From, window.To, teamId, userId, pipelineId, window.Bucket), ct));
    }

    private static async Task<Ok<MetricReport<StageConversionMetrics>>> Conversion(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(
            new GetStageConversionQuery(window.From, window.To, teamId, userId, pipelineId, window.Bucket), ct));
    }

    private static async Task<Ok<Page<StaleDeal>>> Stale(
        IMediator mediator, CancellationToken ct, Guid? teamId = null, Guid? userId = null, Guid? pipelineId = null, int? limit = null,
        string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListStaleDealsQuery(teamId, userId, pipelineId, limit, cursor), ct));

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, DateTimeOffset? asOf = null,
        Guid? teamId = null, Guid? userId = null, Guid? pipelineId = null, Guid? stageId = null, int? limit = null, string? cursor = null)
    {
        var parsed = MetricParameters.Figure<PipelineFigure>(figure);
        // A snapshot figure reads asOf; its window only carries the day of asOf (UTC), which the figure does not use.
        var day = DateOnly.FromDateTime((asOf ?? DateTimeOffset.UtcNow).UtcDateTime);
        var window = parsed == PipelineFigure.OpenOpportunities ? (From: from ?? day, To: to ?? day.AddDays(1)) : MetricParameters.Window(from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainPipelineMetricsQuery(parsed, window.From, window.To, asOf, teamId, userId, pipelineId, stageId, limit, cursor), ct));
    }
}
