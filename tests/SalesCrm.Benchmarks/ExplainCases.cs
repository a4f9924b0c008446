using System.Globalization;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Application.Metrics.Activity;
using SalesCrm.Application.Metrics.Attainment;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Application.Metrics.FollowUps;
using SalesCrm.Application.Metrics.Pipeline;
using SalesCrm.Application.Metrics.Results;
using SalesCrm.Application.Metrics.SellingTime;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Benchmarks;

/// <summary>
/// One page of an explain drill-down: the records behind a figure, 50 a page. <see cref="Path"/> is the first page; the
/// benchmark also times the page after the first 200 records (the largest page a request may ask for; its cursor is read
/// once beforehand), so a page deep in a long list is measured too. Explains have no target in the issue: the docs hold this project's (see docs/benchmarks.md).
/// </summary>
public sealed record ExplainCase(string Name, string Figure, string Subject, string Path, bool PastSnapshot = false)
{
    /// <summary>100 ms a page; a page of deals open at a past instant, replayed from the stage history, 500 ms like the snapshot.</summary>
    public double TargetMs => PastSnapshot ? 500 : 100;
}

/// <summary>
/// Every explain endpoint and figure, for the organisation, one rep and the rep's team, over the quarter measured (a forecast's
/// over the current quarter: forecasts are for the current or a future period).
/// </summary>
public static class ExplainCases
{
    private static readonly (string Subject, Func<Guid, Guid, string> Query)[] Subjects =
    [
        ("organisation", (_, _) => ""),
        ("rep", (rep, _) => $"&userId={rep}"),
        ("team", (_, team) => $"&teamId={team}"),
    ];

    public static List<ExplainCase> All(MetricWindow quarter, Guid rep, Guid team, Guid? repQuota)
    {
        var quarterStart = quarter.FromUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var yearAgo = quarter.FromUtc.AddYears(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var longAgo = quarter.FromUtc.AddMonths(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var thisQuarter = ForecastPeriods.StartHolding(ForecastPeriod.Quarter, DateOnly.FromDateTime(DateTime.UtcNow));
        var cases = Windowed(quarter, rep, team);
        foreach (var (subject, toQuery) in Subjects)
        {
            var query = toQuery(rep, team);
            var pipeline = "/api/v1/metrics/pipeline/explain";
            cases.Add(new("pipeline", "open_opportunities now", subject, $"{pipeline}?figure=open_opportunities{query}&limit=50"));
            cases.Add(new("pipeline", "open_opportunities, start of the quarter", subject,
                $"{pipeline}?figure=open_opportunities&asOf={quarterStart}{query}&limit=50", PastSnapshot: true));
            cases.Add(new("pipeline", "open_opportunities, a year before", subject,
                $"{pipeline}?figure=open_opportunities&asOf={yearAgo}{query}&limit=50", PastSnapshot: true));
            cases.Add(new("pipeline", "open_opportunities, 30 months before", subject,
                $"{pipeline}?figure=open_opportunities&asOf={longAgo}{query}&limit=50", PastSnapshot: true));
            foreach (var method in Enum.GetValues<ForecastMethod>().Select(m => m.ToName()))
            {
                cases.Add(new("forecast", method, subject,
                    $"/api/v1/forecasts/explain?method={method}&period=quarter&start={thisQuarter:yyyy-MM-dd}{query}&limit=50"));
            }
        }

        if (repQuota is { } quota)
        {
            cases.Add(new("quota attainment", "a quarter's revenue quota", "rep", $"/api/v1/metrics/quota-attainment/explain?quotaId={quota}&limit=50"));
        }

        return cases;
    }

    /// <summary>The figures counted over a window (<c>from</c>, <c>to</c>), for the organisation, the rep and the team.</summary>
    public static List<ExplainCase> Windowed(MetricWindow window, Guid rep, Guid team)
    {
        var range = $"from={window.From:yyyy-MM-dd}&to={window.To:yyyy-MM-dd}";
        var cases = new List<ExplainCase>();
        foreach (var (subject, toQuery) in Subjects)
        {
            var query = toQuery(rep, team);
            void Add<TFigure>(string name, string path)
                where TFigure : struct, Enum
            {
                foreach (var figure in Enum.GetValues<TFigure>().Select(f => f.ToName()))
                {
                    cases.Add(new(name, figure, subject, $"{path}?figure={figure}&{range}{query}&limit=50"));
                }
            }

            Add<ActivityFigure>("activity", "/api/v1/metrics/activity/explain");
            Add<FollowUpFigure>("follow-ups", "/api/v1/metrics/follow-ups/explain");
            Add<ResultFigure>("results", "/api/v1/metrics/results/explain");
            Add<LeadFigure>("leads", "/api/v1/metrics/leads/explain");
            Add<FunnelFigure>("funnel", "/api/v1/metrics/funnel/explain");
            Add<SellingTimeFigure>("selling time", "/api/v1/metrics/selling-time/explain");
            Add<LeadScoringFigure>("lead scoring", "/api/v1/metrics/lead-scoring/explain");
            var pipeline = "/api/v1/metrics/pipeline/explain";
            cases.Add(new("pipeline", "stage_exits", subject, $"{pipeline}?figure=stage_exits&{range}{query}&limit=50"));
            cases.Add(new("pipeline", "stage_entries", subject, $"{pipeline}?figure=stage_entries&{range}{query}&limit=50"));
        }

        return cases;
    }
}
