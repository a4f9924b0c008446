using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Api.Metrics;

/// <summary>Section D: quota attainment, the three-number funnel and the leaderboard (docs/metrics/attainment.md).</summary>
public static class AttainmentMetricEndpoints
{
    private const string WonDefinition =
        "A deal is won in a span when its outcome is `won` and its close time is in the span (a deal reopened and won again counts at "
        + "its final close; deleted deals never count); revenue is the deal's current amount.";

    private const string SubjectDescription =
        "`from` (inclusive) and `to` (exclusive) are calendar dates in the organisation's time zone, at most 1,827 days apart. `teamId` "
        + "or `userId` cut the numbers to a team (its current members) or a rep; without either, a rep gets their own numbers, a manager "
        + "their team's, an admin or integration the organisation's. A team or rep outside the caller's scope is 404. Ratios are "
        + "fractions rounded to 4 places and `null` when their denominator is zero.";

    public static IEndpointRouteBuilder MapAttainmentMetricEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/metrics").WithTags("Metrics");
        group.MapGet("/quota-attainment", QuotaAttainment).WithName("getQuotaAttainment").WindowedMetric().QueryEnum<QuotaPeriod>("period")
            .Doc("Quota attainment",
                "The quotas (not deleted) of the subject's reps whose period starts in [from, to), optionally only `period` = `month`, "
                + "`quarter` or `year`. Each quota is measured over its own period — its calendar dates in the organisation's time zone, "
                + "whatever the window — against won deals: `achieved` is the won amount for a `revenue` quota and the number of won deals "
                + "for a `deals` quota (`revenueWon` and `dealsWon` give both); `attainment` = achieved / target; `attained` when achieved "
                + ">= target. A period under way is measured up to now (`inProgress` true, `measuredTo` = now): attainment to date; a period "
                + "still to come has nothing yet (`measuredTo` = its start). "
                + "Summary: `quotas`, `quotasAtOrAbove` and `shareAtOrAbove` (= quotasAtOrAbove / quotas); `repsWithQuota`, `repsAtOrAbove` "
                + "(reps whose every quota listed is attained) and `repShareAtOrAbove`. " + WonDefinition + " " + SubjectDescription);
        group.MapGet("/quota-attainment/explain", ExplainQuota).WithName("explainQuotaAttainment")
            .RequireAuthorization(Policies.MetricsReader).RequiredQuery("quotaId").BadInput().Problems(403, 404)
            .Doc("Won deals behind a quota",
                "The won deals one quota's `achieved` counted: its rep's deals won in the quota's period (up to now while it runs), oldest "
                + "first by close time, paginated with `limit` and `cursor`. A quota the caller may not read (a rep: their own; a manager: "
                + "their team's) is 404.");
        group.MapGet("/funnel", Funnel).WithName("getFunnelMetrics").WindowedMetric()
            .Doc("Three-number funnel",
                "Outbound calls (calls with direction `outbound` that happened in the window), meetings booked (recorded in the window, or "
                + "started in it when recorded afterwards — exactly as the activity metrics count them) and deals won, with "
                + "`callToMeetingRate` = meetings / calls, `meetingToDealRate` = deals / meetings and `callToDealRate` = deals / calls. The "
                + "deals need not come from those meetings: each figure counts its own records in the window. " + WonDefinition + " "
                + MetricParameters.WindowDescription);
        group.MapGet("/funnel/explain", ExplainFunnel).WithName("explainFunnelMetrics").ExplainMetric<FunnelFigure>()
            .Doc("Records behind a funnel figure",
                "The activities (outbound calls, meetings booked) or won opportunities one funnel figure counted, for the same window and "
                + "subject, oldest first (`at` is the instant that placed the record in the window), paginated with `limit` and `cursor`.");
        group.MapGet("/leaderboard", Leaderboard).WithName("getLeaderboard").WindowedMetric().QueryEnum<LeaderboardRanking>("rankBy")
            .Doc("Leaderboard",
                "Every rep and manager of the subject (admins excluded), reps with nothing included, with `revenueWon` and `dealsWon` in the "
                + "window, `activities` (calls, emails, meetings and notes that happened in the window, deleted ones excluded) and "
                + "`attainment` = Σ achieved / Σ target over their revenue quotas whose period starts in the window, each measured over its "
                + "own period as in quota attainment (`null` without any). Sorted by `rankBy` (`revenue_won` by default, `attainment`, "
                + "`deals_won`, `activities`) highest first, `null` last; equal values share a rank (1, 1, 3) and are ordered by name. "
                + "`limit` (1–1,000) keeps the first rows; without it every rep is listed. " + WonDefinition + " " + SubjectDescription);
        return app;
    }

    private static async Task<Ok<QuotaAttainmentReport>> QuotaAttainment(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? period = null)
    {
        var window = MetricParameters.WindowAnd<QuotaPeriod>(from, to, period, "period");
        return TypedResults.Ok(await mediator.Send(
            new GetQuotaAttainmentQuery(window.From, window.To, teamId, userId, window.Value), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> ExplainQuota(
        IMediator mediator, CancellationToken ct, Guid? quotaId = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(
            new ExplainQuotaAttainmentQuery(
                quotaId ?? throw Application.Common.Errors.RequestValidationException.For("quotaId", "quotaId is required: the quota whose won deals to list."),
                limit, cursor), ct));

    private static async Task<Ok<MetricReport<ThreeNumberFunnel>>> Funnel(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, Guid? userId = null, string? bucket = null)
    {
        var window = MetricParameters.WindowAndBucket(from, to, bucket);
        return TypedResults.Ok(await mediator.Send(new GetFunnelQuery(window.From, window.To, teamId, userId, window.Bucket), ct));
    }

    private static async Task<Ok<Page<MetricRecord>>> ExplainFunnel(
        IMediator mediator, CancellationToken ct, string? figure = null, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null,
        Guid? userId = null, int? limit = null, string? cursor = null)
    {
        var window = MetricParameters.FigureAndWindow<FunnelFigure>(figure, from, to);
        return TypedResults.Ok(await mediator.Send(
            new ExplainFunnelQuery(window.Figure, window.From, window.To, teamId, userId, limit, cursor), ct));
    }

    private static async Task<Ok<LeaderboardReport>> Leaderboard(
        IMediator mediator, CancellationToken ct, DateOnly? from = null, DateOnly? to = null, Guid? teamId = null, string? rankBy = null, int? limit = null)
    {
        var window = MetricParameters.WindowAnd<LeaderboardRanking>(from, to, rankBy, "rankBy");
        return TypedResults.Ok(await mediator.Send(new GetLeaderboardQuery(
            window.From, window.To, teamId, window.Value ?? LeaderboardRanking.RevenueWon, limit), ct));
    }
}
