namespace SalesCrm.Application.Common.Records;

/// <summary>The kinds of record an activity, follow-up or opportunity can link to.</summary>
public enum RecordKind
{
    Lead,
    Contact,
    Account,
    Opportunity,
}

/// <summary>Looks up who owns a live (not deleted) record, so a link to it can be checked against the caller's scope.</summary>
public interface IRecordVisibility
{
    Task<RecordOwner?> FindOwnerAsync(RecordKind kind, Guid id, CancellationToken cancellationToken);
}

public sealed record RecordOwner(Guid OwnerId, Guid? OwnerTeamId);
