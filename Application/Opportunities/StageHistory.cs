using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Opportunities;

/// <summary>
/// Turns stored history entries into what clients read: when the deal left each stage (the next entry's time) and
/// the days it spent there. The latest entry of an open deal counts until now; a closed deal's Won or Lost has none.
/// </summary>
public static class StageHistory
{
    public static StageMoveDto ToDto(StageMoveRow row, StageMoveRow? next, DateTimeOffset now)
    {
        var leftAt = next?.OccurredAt;
        var until = leftAt ?? (row.ToStageKind == StageKind.Open ? now : (DateTimeOffset?)null);
        double? days = until is { } end ? Math.Round(Math.Max(0, (end - row.OccurredAt).TotalDays), 2) : null;
        return new StageMoveDto(
            row.Id, row.OpportunityId, row.FromStageId, row.FromStageName, row.ToStageId, row.ToStageName,
            row.OccurredAt, row.MovedBy, row.RecordedAt, row.LostReasonId, leftAt, days);
    }
}
