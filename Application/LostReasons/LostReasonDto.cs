namespace SalesCrm.Application.LostReasons;

/// <summary>Why a deal was lost, from the list admins keep; archived reasons stay on old deals but cannot be chosen.</summary>
public sealed record LostReasonDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt);
