using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Api.Metrics;

public static class ActivityMetricEndpoints
{
    public static IEndpointRouteBuilder MapActivityMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics/activity").WithTags("Metrics");
        group.MapGet("/", Get).WithName("getActivityMetrics").WindowedMetric()
            .Doc("Activity metrics",
                "Calls (outbound/inbound), connected calls and connect rate (connected / calls), emails sent (outbound), replies and reply "
                + "rate (replied / sent), meetings booked (recorded in the window, or started in it when recorded afterwards) and held "
                + "(outcome `held`), appointment rate (booked / outbound calls), opportunities created and opportunities per 1,000 outbound "
                + "calls, notes, follow-ups completed (by completion time), due (by due time, cancelled ones excluded) and overdue (due in "
                + "the window before now, still open). Calls, emails, held meetings and notes count by when they happened. "
                + MetricParameters.WindowDescription);
        group.MapGet("/mix", Mix).WithName("getActivityMix").WindowedMetric()
            .Doc("Activity mix per rep",
                "Every rep (and manager) of the subject with their calls, emails, meetings and notes in the window, busiest first; reps with "
                + "none are listed with zeros. " + MetricParameters.WindowDescription);
        group.MapGet("/explain", Explain).WithName("explainActivityMetrics").ExplainMetric<ActivityFigure>()
            .Doc("Records behind an activity figure",
                "The activities, opportunities or follow-ups one figure of the activity metrics counted, for the same window and subject, "
                + "oldest first (`at` is the instant that placed the record in the window), paginated with `limit` and `cursor`.");
        return app;
    }

    private static async Task<Ok<MetricReport<ActivityMetrics>>> Get(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(
            new GetActivityMetricsQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<ActivityMixReport>> Mix(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null)
    {
        var window = MetricParameters.Window(from, to);
        return TypedResults.Ok(await mediator.Send(new GetActivityMixQuery(window.From, window.To, teamId, userId), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<ActivityFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainActivityMetricsQuery(window.Figure, window.From, window.To, teamId, userId, limit, cursor), ct));
    }
}
