using Mediator;

namespace SalesCrm.Application.Quotas.GetQuota;

public sealed record GetQuotaQuery(Guid Id) : IQuery<QuotaDto>;

public sealed class GetQuotaQueryHandler(QuotaAccess access) : IQueryHandler<GetQuotaQuery, QuotaDto>
{
    public async ValueTask<QuotaDto> Handle(GetQuotaQuery query, CancellationToken cancellationToken) =>
        await access.QuotaToReadAsync(query.Id, cancellationToken);
}
