using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas;

/// <summary>A rep's target for one period; <see cref="PeriodEnd"/> is exclusive.</summary>
public sealed record QuotaDto(
    Guid Id,
    Guid UserId,
    QuotaPeriod Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    QuotaKind Kind,
    decimal Target,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : Common.Records.IVersioned;

/// <summary>One entry of a quota's history: what the target was set to, when and by whom.</summary>
public sealed record QuotaChangeDto(QuotaKind Kind, decimal Target, DateTimeOffset ChangedAt, Guid ChangedBy, string Change);
