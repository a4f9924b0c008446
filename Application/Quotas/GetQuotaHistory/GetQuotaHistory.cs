using Mediator;

namespace SalesCrm.Application.Quotas.GetQuotaHistory;

/// <summary>Every target a quota has had, oldest first.</summary>
public sealed record GetQuotaHistoryQuery(Guid Id) : IQuery<IReadOnlyList<QuotaChangeDto>>;

public sealed class GetQuotaHistoryQueryHandler(QuotaAccess access, IQuotaStore quotas)
    : IQueryHandler<GetQuotaHistoryQuery, IReadOnlyList<QuotaChangeDto>>
{
    public async ValueTask<IReadOnlyList<QuotaChangeDto>> Handle(GetQuotaHistoryQuery query, CancellationToken cancellationToken)
    {
        var quota = await access.QuotaToReadAsync(query.Id, cancellationToken);
        return await quotas.HistoryAsync(quota.Id, cancellationToken);
    }
}
