using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;

namespace SalesCrm.Api.Metrics;

public static class FollowUpMetricEndpoints
{
    private const string Definitions =
        "`stageAdvances`: every forward stage move in the window (from an open stage to a later open stage of the same pipeline, or "
        + "to its Won stage; backward moves, moves to Lost, reopenings and the creation never count), grouped by the stage left, with "
        + "the completed follow-ups on that opportunity from entering the stage left (inclusive) to leaving it (exclusive): number of "
        + "advances, average and median follow-ups per advance, and how many advances needed 0, 1, 2, 3, 4 and 5 or more; the "
        + "`stages` list is the same in every point (the stages advanced out of anywhere in the window). "
        + "`beforeWin`: deals whose current outcome is won and whose close is in the window, with the completed follow-ups on the "
        + "opportunity up to its close: count, average, median, how many needed 5 or more and their share (a common reference: 80% "
        + "of sales need five follow-ups). "
        + "`earlyGiveUp`: deals whose current outcome is lost, closed in the window; those with at most one completed follow-up up to "
        + "the close and their share (reference: 48% of sellers give up after one). "
        + "`timeliness`: follow-ups completed in the window (by the follow-up's owner); on time when completed at or before the due "
        + "time; the median and average lateness in hours over the late ones (`null` when none). "
        + "Deals and stage moves follow the opportunity's current owner; follow-ups on an opportunity count whoever completed "
        + "them; follow-ups on leads are not part of a deal's count. Soft-deleted opportunities and follow-ups never count. "
        + "`pipelineId` keeps the stages, deals and follow-ups (of opportunities) of one pipeline. ";

    public static IEndpointRouteBuilder MapFollowUpMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics/follow-ups").WithTags("Metrics");
        group.MapGet("/", Get).WithName("getFollowUpMetrics").WindowedMetric()
            .Doc("Follow-up discipline metrics", Definitions + MetricParameters.WindowDescription);
        group.MapGet("/explain", Explain).WithName("explainFollowUpMetrics").ExplainMetric<FollowUpFigure>()
            .Doc("Records behind a follow-up discipline figure",
                "The records one figure counted, for the same window, subject and pipeline, oldest first, paginated with `limit` and "
                + "`cursor`. `stage_advances`: the forward stage moves (`value` = completed follow-ups counted for the advance, "
                + "`label` = the stage left). `won_deals`, `lost_deals`, `early_give_ups`: the opportunities, at their close "
                + "(`value` = completed follow-ups up to the close, `amount` = current amount). `completed_follow_ups`, "
                + "`late_follow_ups`: the follow-ups, at their completion (`value` = hours late, 0 when on time).");
        return app;
    }

    private static async Task<Ok<MetricReport<FollowUpDiscipline>>> Get(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(
            new GetFollowUpMetricsQuery(window.From, window.To, teamId, userId, pipelineId, window.Bucket), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, Guid? pipelineId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<FollowUpFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainFollowUpMetricsQuery(
                window.Figure, window.From, window.To, teamId, userId, pipelineId, limit, cursor), ct));
    }
}
