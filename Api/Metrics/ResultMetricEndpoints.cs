using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.Results;

namespace SalesCrm.Api.Metrics;

public static class ResultMetricEndpoints
{
    private const string WonLost =
        "A deal is won (lost) in a window when its current outcome is won (lost) and its close time falls in the window: a deal "
        + "reopened and won again counts once, as won, at its final close; a deal lost, reopened and open now counts as neither. "
        + "Amounts are the deals' current amounts; soft-deleted deals never count; `pipelineId` keeps one pipeline's deals. ";

    public static IEndpointRouteBuilder MapResultMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var results = app.MapGroup("/api/v1/metrics/results").WithTags("Metrics");
        results.MapGet("/", Get).WithName("getResultMetrics").WindowedMetric()
            .Doc("Results metrics",
                "Deals won and revenue won (count and sum of amounts of deals won in the window), deals lost, win rate (won / (won + lost)), "
                + "win/loss ratio (won / lost, null without losses), average deal size (revenue won / deals won) and median deal size, "
                + "average and median sales cycle in days (creation to close, over deals won in the window), open opportunities (deals "
                + "whose last stage move before the window's end entered an open stage, read from the stage-move history, so a past "
                + "window is answered as it stood then), and sales velocity (open opportunities × win rate × average deal size / "
                + "average cycle days: money per day, computed from the unrounded parts and rounded to 4 places; null when any part is "
                + "null or the cycle is 0). In a time series each point's open opportunities are counted at that bucket's end. "
                + WonLost + MetricParameters.WindowDescription);
        results.MapGet("/lost-reasons", LostReasons).WithName("getLostReasons").WindowedMetric()
            .Doc("Lost reasons and competitors",
                "Deals lost in the window grouped by lost reason (`lostReasonId`, `name`, `count`, `amount`, `share` of all lost deals) "
                + "and by the competitor named on them (exact text; `null` when none was given), most frequent first, then by amount. "
                + WonLost + "No time series: `bucket` is ignored. " + MetricParameters.WindowDescription);
        results.MapGet("/explain", Explain).WithName("explainResultMetrics").ExplainMetric<ResultFigure>()
            .Doc("Deals behind a results figure",
                "`won_deals`, `lost_deals`, `closed_deals` (won or lost; `at` is the close time) or `open_opportunities` (open at the "
                + "window's end; `at` is the creation time), for the same window, subject and pipeline, oldest first, paginated with "
                + "`limit` and `cursor`. `amount` is the deal's amount; `value` is a won deal's cycle in days.");

        var leads = app.MapGroup("/api/v1/metrics/leads").WithTags("Metrics");
        leads.MapGet("/", GetLeads).WithName("getLeadMetrics").WindowedMetric()
            .Doc("Lead conversion and response time",
                "Over the leads created in the window (by their owner; soft-deleted leads never count): leads converted (those that "
                + "became an opportunity, at any time up to now), conversion rate (converted / created), responded (with at least one "
                + "logged, not deleted activity linked to the lead, by anyone), unanswered (created − responded), and the average and "
                + "median response time in hours from the lead's creation to its first logged activity (an activity dated before the "
                + "lead's creation counts as 0 hours), over responded leads. " + MetricParameters.WindowDescription);
        leads.MapGet("/explain", ExplainLeads).WithName("explainLeadMetrics").ExplainMetric<LeadFigure>()
            .Doc("Leads behind a lead figure",
                "`leads_created`, `leads_converted` or `leads_responded`, for the same window and subject, oldest first (`at` is the "
                + "lead's creation), paginated with `limit` and `cursor`. `value` is the response time in hours (null when unanswered); "
                + "`opportunityId` is the opportunity the lead was converted into.");
        return app;
    }

    private static async Task<Ok<MetricReport<ResultMetrics>>> Get(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(
            new GetResultMetricsQuery(window.From, window.To, teamId, userId, pipelineId, window.Bucket), ct));
    }

    private static async Task<Ok<LostReasonsReport>> LostReasons(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null,
        Guid? pipelineId = null)
    {
        var window = MetricParameters.Window(from, to);
        return TypedResults.Ok(await mediator.Send(new GetLostReasonsQuery(window.From, window.To, teamId, userId, pipelineId), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, Guid? pipelineId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<ResultFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainResultMetricsQuery(window.Figure, window.From, window.To, teamId, userId, pipelineId, limit, cursor), ct));
    }

    private static async Task<Ok<MetricReport<LeadMetrics>>> GetLeads(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(new GetLeadMetricsQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> ExplainLeads(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<LeadFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainLeadMetricsQuery(window.Figure, window.From, window.To, teamId, userId, limit, cursor), ct));
    }
}
