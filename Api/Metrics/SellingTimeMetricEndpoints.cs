using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.SellingTime;

namespace SalesCrm.Api.Metrics;

public static class SellingTimeMetricEndpoints
{
    private const string Figures =
        "Selling minutes (`sellingMinutes`, split into `callMinutes`, `meetingMinutes`, `emailMinutes`, 2 decimal places) are the "
        + "logged durations of live calls, emails and meetings that started in the window; a cancelled meeting, or one whose start "
        + "is still ahead, contributes nothing. An activity without a duration (emails usually have none) contributes nothing and "
        + "is counted in `activitiesWithoutDuration` (beside `activitiesWithDuration`) so the gap shows. Non-selling minutes "
        + "(`nonSellingMinutes`, split into `adminMinutes`, `trainingMinutes`, `internalMeetingMinutes`, `travelMinutes`; "
        + "`timeEntries` = how many) are the time entries that started in the window. `sellingShare` = selling / (selling + "
        + "non-selling), `null` when both are zero. ";

    public static IEndpointRouteBuilder MapSellingTimeMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics/selling-time").WithTags("Metrics");
        group.MapGet("/", Get).WithName("getSellingTime").WindowedMetric()
            .Doc("Selling time", Figures + MetricParameters.WindowDescription);
        group.MapGet("/reps", PerRep).WithName("getSellingTimeByRep").WindowedMetric()
            .Doc("Selling time per rep",
                "Every rep (and manager) of the subject with the selling-time figures over the whole window, by name; reps with nothing "
                + "logged are listed with zeros. " + Figures + MetricParameters.WindowDescription);
        group.MapGet("/explain", Explain).WithName("explainSellingTime").ExplainMetric<SellingTimeFigure>()
            .Doc("Activities behind the selling time",
                "`selling_activities`: the calls, emails and meetings whose durations make the selling minutes (`value` = minutes); "
                + "`activities_without_duration`: those counted in `activitiesWithoutDuration`. Same window and subject, oldest first, "
                + "paginated with `limit` and `cursor`. Time entries are listed by `GET /api/v1/time-entries` with the same `from`/`to`.");
        return app;
    }

    private static async Task<Ok<MetricReport<SellingTime>>> Get(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(new GetSellingTimeQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<SellingTimeByRepReport>> PerRep(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null)
    {
        var window = MetricParameters.Window(from, to);
        return TypedResults.Ok(await mediator.Send(new GetSellingTimeByRepQuery(window.From, window.To, teamId, userId), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<SellingTimeFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainSellingTimeQuery(window.Figure, window.From, window.To, teamId, userId, limit, cursor), ct));
    }
}
