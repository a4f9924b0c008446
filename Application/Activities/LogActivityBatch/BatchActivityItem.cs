using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogActivityBatch;

/// <summary>
/// One activity of a batch: <c>type</c> says which, and the item carries that type's fields exactly as its single
/// create takes them (calls: direction, outcome, durationSeconds, notes; emails: direction, subject, repliedAt, notes;
/// meetings: durationSeconds, outcome, subject, notes; notes: body), plus the fields every activity shares.
/// </summary>
public sealed record BatchActivityItem(
    ActivityType Type,
    DateTimeOffset? OccurredAt = null,
    Guid? OwnerId = null,
    Guid? LeadId = null,
    Guid? ContactId = null,
    Guid? AccountId = null,
    Guid? OpportunityId = null,
    string? ExternalId = null,
    ActivityDirection? Direction = null,
    ActivityOutcome? Outcome = null,
    int? DurationSeconds = null,
    string? Subject = null,
    string? Notes = null,
    string? Body = null,
    DateTimeOffset? RepliedAt = null);

public enum BatchItemStatus
{
    Created,
    Duplicate,
    Error,
}

/// <summary>
/// One item's fate: <c>created</c> (with the new id), <c>duplicate</c> (its externalId is already recorded, or repeats an
/// earlier item of the batch; with the existing id) or <c>error</c> (with field errors keyed <c>items[i].field</c>).
/// </summary>
public sealed record BatchItemResult(int Index, BatchItemStatus Status, Guid? Id = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static BatchItemResult Failed(int index, IReadOnlyDictionary<string, string[]> errors) =>
        new(index, BatchItemStatus.Error, Errors: errors.ToDictionary(e => e.Key.Length == 0 ? $"items[{index}]" : $"items[{index}].{e.Key}", e => e.Value));
}

public sealed record ActivityBatchResult(int Created, int Duplicates, int Errors, IReadOnlyList<BatchItemResult> Items);
