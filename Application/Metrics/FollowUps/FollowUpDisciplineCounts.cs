using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>
/// Turns the window's rows into one span's figures: averages, medians and distributions are computed here, from
/// one row per advance, deal and follow-up, so the SQL stays portable and reads each record once per request.
/// </summary>
public static class FollowUpDisciplineCounts
{
    /// <summary>A reference count: "80% of sales need five follow-ups".</summary>
    public const int FiveOrMore = 5;

    /// <summary>The stages every point lists (those advanced out of anywhere in the window), so a series has the same rows throughout.</summary>
    public static IReadOnlyList<StageAdvance> StagesOf(FollowUpRows rows) =>
        rows.Advances.DistinctBy(a => a.StageId).OrderBy(a => a.PipelineId).ThenBy(a => a.Position).ThenBy(a => a.StageName, StringComparer.Ordinal).ToList();

    public static FollowUpDiscipline For(FollowUpRows rows, MetricSpan span, IReadOnlyList<StageAdvance> stages)
    {
        bool In(DateTimeOffset at) => at >= span.FromUtc && at < span.ToUtc;

        var advances = rows.Advances.Where(a => In(a.At)).ToList();
        var deals = rows.Deals.Where(d => In(d.ClosedAt)).ToList();
        var late = rows.Late.Where(f => In(f.CompletedAt)).ToList();
        var completed = rows.Completed.GetValueOrDefault(span.Index, CompletedFollowUps.None);
        return new FollowUpDiscipline(StageAdvances(advances, stages), BeforeWin(deals), EarlyGiveUp(deals), Timeliness(completed, late));
    }

    private static StageAdvanceFollowUps StageAdvances(List<StageAdvance> advances, IReadOnlyList<StageAdvance> stages)
    {
        var perStage = stages.Select(stage =>
        {
            var counts = advances.Where(a => a.StageId == stage.StageId).Select(a => (double)a.FollowUps).ToList();
            return new StageFollowUps(stage.StageId, stage.StageName, stage.Position, stage.PipelineId, counts.Count,
                Ratio.Average(counts), Ratio.Median(counts), Distribution(counts));
        }).ToList();
        var all = advances.Select(a => (double)a.FollowUps).ToList();
        return new StageAdvanceFollowUps(all.Count, Ratio.Average(all), Ratio.Median(all), Distribution(all), perStage);
    }

    private static FollowUpsBeforeWin BeforeWin(List<ClosedDeal> deals)
    {
        var won = deals.Where(d => d.Won).Select(d => (double)d.FollowUps).ToList();
        var fiveOrMore = won.Count(n => n >= FiveOrMore);
        return new FollowUpsBeforeWin(won.Count, Ratio.Average(won), Ratio.Median(won), fiveOrMore, Ratio.Of(fiveOrMore, won.Count));
    }

    private static EarlyGiveUp EarlyGiveUp(List<ClosedDeal> deals)
    {
        var lost = deals.Where(d => !d.Won).ToList();
        var atMostOne = lost.Count(d => d.FollowUps <= 1);
        return new EarlyGiveUp(lost.Count, atMostOne, Ratio.Of(atMostOne, lost.Count));
    }

    private static FollowUpTimeliness Timeliness(CompletedFollowUps completed, List<LateFollowUp> late)
    {
        var lateness = late.Select(f => (f.CompletedAt - f.DueAt).TotalHours).ToList();
        return new FollowUpTimeliness(
            completed.Completed, completed.OnTime, Ratio.Of(completed.OnTime, completed.Completed), lateness.Count,
            Ratio.Median(lateness), Ratio.Average(lateness));
    }

    private static FollowUpDistribution Distribution(List<double> counts) => new(
        counts.Count(n => n == 0), counts.Count(n => n == 1), counts.Count(n => n == 2), counts.Count(n => n == 3), counts.Count(n => n == 4),
        counts.Count(n => n >= FiveOrMore));
}
