namespace SalesCrm.Application.Activities;

/// <summary>What every activity create carries besides its type's own fields: owner, time, links and externalId.</summary>
public interface IActivityInput
{
    Guid? OwnerId { get; }

    DateTimeOffset? OccurredAt { get; }

    Guid? LeadId { get; }

    Guid? ContactId { get; }

    Guid? AccountId { get; }

    Guid? OpportunityId { get; }

    string? ExternalId { get; }

    /// <summary>Copies the type's own fields onto an activity already given its owner, time and links.</summary>
    NewActivity Describe(NewActivity activity);
}
