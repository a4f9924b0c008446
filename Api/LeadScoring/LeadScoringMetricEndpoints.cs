using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Api.Metrics;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.LeadScoring.ExplainLeadScoringMetrics;
using SalesCrm.Application.LeadScoring.GetQualifiedLeadResponse;
using SalesCrm.Application.LeadScoring.GetScoreBandConversion;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Api.LeadScoring;

public static class LeadScoringMetricEndpoints
{
    public static IEndpointRouteBuilder MapLeadScoringMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1/metrics/lead-scoring").WithTags("Metrics");
        metrics.MapGet("/response-time", GetResponse).WithName("getQualifiedLeadResponseTime").WindowedMetric()
            .Doc("Response time to sales-qualified leads",
                "Over the leads that became sales-qualified in the window (their `salesQualifiedAt`, by their current owner — the rep "
                + "they were assigned to; soft-deleted leads never count): `salesQualified`, `responded` (with a logged, not deleted "
                + "activity linked to the lead at or after the instant it qualified, by anyone), `unanswered` (salesQualified − "
                + "responded), and the average and median hours from qualifying to the first such activity, over responded leads "
                + "(null when none). Activities before qualifying do not count as a response. " + MetricParameters.WindowDescription);
        metrics.MapGet("/score-bands", GetBands).WithName("getScoreBandConversion").WindowedMetric()
            .Doc("Lead conversion by score band",
                "Over the leads created in the window (by their owner; soft-deleted leads never count), grouped by the band of their "
                + "current score against the organisation's current threshold T: `below_zero` (< 0), `cold` (0 to T/2 − 1, T/2 "
                + "rounded down), `warm` (T/2 to T − 1) and `at_threshold` (T or more) — with the default T = 20: <0, 0–9, 10–19, 20+. "
                + "Per band: `minScore`/`maxScore` (null: unbounded), `leadsCreated`, `leadsConverted` (became an opportunity, at "
                + "any time up to now) and `conversionRate` (converted / created, null when none were created). "
                + MetricParameters.WindowDescription);
        metrics.MapGet("/explain", Explain).WithName("explainLeadScoringMetrics").ExplainMetric<LeadScoringFigure>()
            .Doc("Leads behind a lead scoring figure",
                "`sales_qualified` and `responded` list leads by the instant they qualified (`value`: hours to the first activity "
                + "since, null when unanswered); `leads_created` and `leads_converted` by creation (`value`: the current score, to "
                + "check its band). Same window and subject, oldest first, paginated with `limit` and `cursor`; `opportunityId` is "
                + "the opportunity a lead was converted into.");
        return app;
    }

    private static async Task<Ok<MetricReport<QualifiedLeadResponse>>> GetResponse(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(new GetQualifiedLeadResponseQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<MetricReport<ScoreBandConversions>>> GetBands(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(new GetScoreBandConversionQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> Explain(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<LeadScoringFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainLeadScoringMetricsQuery(window.Figure, window.From, window.To, teamId, userId, limit, cursor), ct));
    }
}
