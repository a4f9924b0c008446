using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Timeline;

/// <summary>Reads the newest timeline entries of one record after a position, in timeline order (newest first).</summary>
public interface ITimelineReader
{
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(TimelineRequest request, CancellationToken cancellationToken);
}

/// <param name="Record">Whose timeline.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Scope">Only activities and follow-ups owned inside it are shown.</param>
/// <param name="Count">How many entries to read at most.</param>
/// <param name="After">The last entry of the previous page.</param>
/// <param name="Now">For follow-ups' overdue flag.</param>
public sealed record TimelineRequest(RecordKind Record, Guid Id, OwnerScope Scope, int Count, TimelinePosition? After, DateTimeOffset Now);

/// <summary>An entry's place in timeline order: time (newest first), then kind (highest first), then id (store order).</summary>
public sealed record TimelinePosition(DateTimeOffset At, TimelineEntryKind Kind, Guid Id);
