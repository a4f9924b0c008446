using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas.ListQuotas;

/// <summary>Quotas overlapping [from, to), by period start then rep; reps see their own, managers their team's.</summary>
public sealed record ListQuotasQuery(
    Guid? UserId = null,
    Guid? TeamId = null,
    QuotaPeriod? Period = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<QuotaDto>>, IPageRequest;

public sealed class ListQuotasQueryHandler(ICurrentUser caller, IQuotaStore quotas) : IQueryHandler<ListQuotasQuery, Page<QuotaDto>>
{
    public async ValueTask<Page<QuotaDto>> Handle(ListQuotasQuery query, CancellationToken cancellationToken) =>
        await quotas.ListAsync(
            new QuotaListFilter(OwnerScope.For(caller), query.UserId, query.TeamId, query.Period, query.From, query.To,
                query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)),
            cancellationToken);
}

public sealed class ListQuotasQueryValidator : AbstractValidator<ListQuotasQuery>
{
    public ListQuotasQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be after from.");
    }
}
