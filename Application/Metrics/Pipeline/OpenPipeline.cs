namespace SalesCrm.Application.Metrics.Pipeline;

/// <summary>
/// The open deals of one stage and one owner as of a snapshot instant: how many, their amount, and the time they had
/// spent in the stage by then (ms, summed).
/// </summary>
public sealed record OpenDealGroup(Guid StageId, Guid OwnerId, string? OwnerName, long Count, decimal Amount, long TotalMs);

/// <summary>
/// The open pipeline as of an instant, as a snapshot reads it: the deals grouped by stage and owner, and each stage's
/// middle deal(s) by time in the stage (days; the two middle ones for an even count), whose median is the median of all.
/// </summary>
public sealed record OpenPipeline(IReadOnlyList<OpenDealGroup> Groups, IReadOnlyDictionary<Guid, IReadOnlyList<double>> MiddleDays)
{
    /// <summary>The same figures from every open deal (the pipeline rebuilt from the stage history).</summary>
    public static OpenPipeline Of(IReadOnlyList<OpenDeal> deals, DateTimeOffset asOf)
    {
        var groups = deals.GroupBy(d => (d.StageId, d.OwnerId, d.OwnerName))
            .Select(g => new OpenDealGroup(
                g.Key.StageId, g.Key.OwnerId, g.Key.OwnerName, g.Count(), g.Sum(d => d.Amount), g.Sum(d => (long)(asOf - d.EnteredAt).TotalMilliseconds)))
            .ToList();
        var middles = deals.GroupBy(d => d.StageId).ToDictionary(
            g => g.Key, g => Middle(g.Select(d => Common.Ratio.Days(d.EnteredAt, asOf)).Order().ToList()));
        return new OpenPipeline(groups, middles);
    }

    /// <summary>The middle value of sorted values, or the two middle ones for an even count.</summary>
    public static IReadOnlyList<double> Middle(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? [] : sorted.Count % 2 == 1 ? [sorted[sorted.Count / 2]] : [sorted[(sorted.Count / 2) - 1], sorted[sorted.Count / 2]];
}
