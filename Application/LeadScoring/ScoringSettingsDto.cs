using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Application.LeadScoring;

/// <summary>
/// The organisation's qualification threshold and who gets a lead when it becomes sales-qualified: the next rep of
/// <see cref="TeamId"/> in turn (<c>round_robin</c>), <see cref="UserId"/> (<c>owner</c>), or nobody new (<c>none</c>).
/// </summary>
public sealed record ScoringSettingsDto(
    int Threshold, LeadAssignmentRule Assignment, Guid? TeamId, Guid? UserId, DateTimeOffset UpdatedAt, int Version)
    : Common.Records.IVersioned;
