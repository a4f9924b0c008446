using SalesCrm.Application.Accounts;
using SalesCrm.Application.Contacts;

namespace SalesCrm.Application.Leads;

/// <summary>
/// Everything a conversion writes. <see cref="NewAccount"/> is null when an existing account
/// (<see cref="AccountId"/>) is reused; <see cref="PipelineId"/> null means the default pipeline.
/// </summary>
public sealed record LeadConversion(
    Guid LeadId,
    int ExpectedVersion,
    Guid AccountId,
    AccountRecord? NewAccount,
    ContactRecord Contact,
    ConvertedOpportunity Opportunity,
    DateTimeOffset ConvertedAt,
    Guid ConvertedBy,
    DateTimeOffset RecordedAt);

/// <summary>The opportunity a lead becomes: it starts in the first open stage (by position) of its pipeline.</summary>
public sealed record ConvertedOpportunity(
    Guid Id,
    string Name,
    decimal Amount,
    DateOnly? ExpectedCloseDate,
    Guid? PipelineId,
    Guid StageMoveId);

public enum LeadConversionOutcome
{
    Converted,

    /// <summary>The lead changed (or was converted, disqualified or deleted) since it was read: nothing was written.</summary>
    LeadChanged,

    /// <summary>The pipeline is unknown, archived or has no open stage: nothing was written.</summary>
    NoStartingStage,
}
