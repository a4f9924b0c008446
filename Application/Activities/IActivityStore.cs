using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities;

/// <summary>
/// Stores activities. <see cref="RecordAsync"/> writes many at once and reports per activity; it checks each link
/// (exists, not deleted, and for leads and opportunities inside <c>linkScope</c>) and each externalId in the same
/// transaction as the insert, and returns only once the activities are committed.
/// </summary>
public interface IActivityStore
{
    Task<IReadOnlyList<ActivityWriteResult>> RecordAsync(
        IReadOnlyList<NewActivity> activities, OwnerScope linkScope, CancellationToken cancellationToken);

    /// <summary>A live activity inside the scope, or null.</summary>
    Task<ActivityDto?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken);

    /// <summary>An activity whatever its state or owner (for externalId replays and restores).</summary>
    Task<StoredActivity?> FindAnyAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<ActivityDto>> ListAsync(ActivityListFilter filter, CancellationToken cancellationToken);

    /// <summary>Sets an email's reply time unless an earlier one is already recorded (the first reply is what counts).</summary>
    Task RecordReplyAsync(Guid id, DateTimeOffset repliedAt, CancellationToken cancellationToken);

    Task<bool> UpdateMeetingAsync(MeetingChange change, int expectedVersion, CancellationToken cancellationToken);

    Task<bool> SoftDeleteAsync(Guid id, Guid deletedBy, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    Task RestoreAsync(Guid id, CancellationToken cancellationToken);
}

public enum ActivityWriteStatus
{
    Created,
    Duplicate,
    Rejected,
}

/// <summary>What happened to one activity of a write: created, a duplicate of <see cref="Id"/>, or rejected with field errors.</summary>
public sealed record ActivityWriteResult(ActivityWriteStatus Status, Guid Id, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ActivityWriteResult Rejected(string field, string message) =>
        new(ActivityWriteStatus.Rejected, Guid.Empty, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An activity with the state lists never show: who owns it now (for scope checks) and whether it is deleted.</summary>
public sealed record StoredActivity(ActivityDto Activity, Guid? OwnerTeamId, DateTimeOffset? DeletedAt);

public sealed record MeetingChange(
    Guid Id, DateTimeOffset OccurredAt, int DurationSeconds, MeetingOutcome Outcome, string? Subject, string? Notes, int Version);

public sealed record ActivityListFilter(
    OwnerScope Scope,
    ActivityType? Type,
    Guid? OwnerId,
    Guid? TeamId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    Guid? LeadId,
    Guid? ContactId,
    Guid? AccountId,
    Guid? OpportunityId,
    int Limit,
    TimeCursor? After);

/// <summary>The position of the last row of a newest-first page: its time and id.</summary>
public sealed record TimeCursor(DateTimeOffset At, Guid Id)
{
    public string Encode() => KeysetCursor.Encode(At.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Id);

    public static TimeCursor? Decode(string? cursor) =>
        KeysetCursor.Decode(cursor) is not { } key
            ? null
            : long.TryParse(key.SortKey, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999
                ? new TimeCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), key.Id)
                : throw Common.Errors.RequestValidationException.For("cursor", "The cursor is not one this API issued.");
}
