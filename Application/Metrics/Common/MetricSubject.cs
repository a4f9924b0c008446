namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// Whose numbers a metric counts: the whole organisation, one team (its current members), or one rep.
/// Team cuts follow each rep's current team: a rep who moves takes their history along (docs/metrics.md).
/// </summary>
public sealed record MetricSubject(Guid? TeamId, Guid? UserId)
{
    public static MetricSubject Organisation { get; } = new(null, null);

    public bool IsOrganisation => TeamId is null && UserId is null;
}
