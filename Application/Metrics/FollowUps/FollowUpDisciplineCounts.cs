using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.FollowUps;

/// <summary>
/// Turns each span's tallies into its figures: averages, medians and distributions are computed here from how many
/// advances and deals share each follow-up count, and from the late follow-ups per whole hour late (<see cref="LateHours"/>),
/// so the SQL stays portable and small.
/// </summary>
public static class FollowUpDisciplineCounts
{
    /// <summary>A reference count: "80% of sales need five follow-ups".</summary>
    public const int FiveOrMore = 5;

    /// <summary>The stages every point lists (those advanced out of anywhere in the window), so a series has the same rows throughout.</summary>
    public static IReadOnlyList<StageAdvances> StagesOf(FollowUpRows rows) =>
        rows.Advances.DistinctBy(a => a.StageId).OrderBy(a => a.PipelineId).ThenBy(a => a.Position).ThenBy(a => a.StageName, StringComparer.Ordinal).ToList();

    public static FollowUpDiscipline For(FollowUpRows rows, MetricSpan span, IReadOnlyList<StageAdvances> stages)
    {
        var advances = rows.Advances.Where(a => a.Span == span.Index).ToList();
        var deals = rows.Deals.Where(d => d.Span == span.Index).ToList();
        var lateHours = rows.Late.Where(h => h.Span == span.Index).ToList();
        var lateMiddles = rows.LateMiddles.Where(m => m.Span == span.Index).ToList();
        var completed = rows.Completed.GetValueOrDefault(span.Index, CompletedFollowUps.None);
        return new FollowUpDiscipline(
            Advances(advances, stages), BeforeWin(deals), EarlyGiveUp(deals), Timeliness(completed, LateHours.Figures(lateHours, lateMiddles)));
    }

    private static StageAdvanceFollowUps Advances(List<StageAdvances> advances, IReadOnlyList<StageAdvances> stages)
    {
        var perStage = stages.Select(stage =>
        {
            var counts = FollowUps(advances.Where(a => a.StageId == stage.StageId));
            return new StageFollowUps(stage.StageId, stage.StageName, stage.Position, stage.PipelineId, Tally.Count(counts),
                Tally.Average(counts), Tally.Median(counts), Distribution(counts));
        }).ToList();
        var all = FollowUps(advances);
        return new StageAdvanceFollowUps(Tally.Count(all), Tally.Average(all), Tally.Median(all), Distribution(all), perStage);
    }

    private static FollowUpsBeforeWin BeforeWin(List<ClosedDeals> deals)
    {
        var won = deals.Where(d => d.Won).Select(d => new Tallied(d.FollowUps, d.Deals)).ToList();
        var count = Tally.Count(won);
        var fiveOrMore = Tally.CountWhere(won, n => n >= FiveOrMore);
        return new FollowUpsBeforeWin(count, Tally.Average(won), Tally.Median(won), fiveOrMore, Ratio.Of(fiveOrMore, count));
    }

    private static EarlyGiveUp EarlyGiveUp(List<ClosedDeals> deals)
    {
        var lost = deals.Where(d => !d.Won).Select(d => new Tallied(d.FollowUps, d.Deals)).ToList();
        var count = Tally.Count(lost);
        var atMostOne = Tally.CountWhere(lost, n => n <= 1);
        return new EarlyGiveUp(count, atMostOne, Ratio.Of(atMostOne, count));
    }

    private static FollowUpTimeliness Timeliness(CompletedFollowUps completed, (long Late, double? MedianHours, double? AverageHours) late) =>
        new(completed.Completed, completed.OnTime, Ratio.Of(completed.OnTime, completed.Completed), late.Late, late.MedianHours, late.AverageHours);

    private static List<Tallied> FollowUps(IEnumerable<StageAdvances> advances) => advances.Select(a => new Tallied(a.FollowUps, a.Moves)).ToList();

    private static FollowUpDistribution Distribution(List<Tallied> counts) => new(
        Tally.CountWhere(counts, n => n == 0), Tally.CountWhere(counts, n => n == 1), Tally.CountWhere(counts, n => n == 2),
        Tally.CountWhere(counts, n => n == 3), Tally.CountWhere(counts, n => n == 4), Tally.CountWhere(counts, n => n >= FiveOrMore));
}
