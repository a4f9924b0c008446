using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Opportunities.ListOwnerChanges;

/// <summary>An opportunity's reassignments, oldest first.</summary>
public sealed record ListOwnerChangesQuery(Guid OpportunityId, int? Limit, string? Cursor) : IQuery<Page<OwnerChangeDto>>, IPageRequest;

public sealed class ListOwnerChangesQueryHandler(ICurrentUser caller, IOpportunityStore opportunities)
    : IQueryHandler<ListOwnerChangesQuery, Page<OwnerChangeDto>>
{
    public async ValueTask<Page<OwnerChangeDto>> Handle(ListOwnerChangesQuery query, CancellationToken cancellationToken)
    {
        var record = await opportunities.RequireInScopeAsync(caller, query.OpportunityId, cancellationToken);
        return await opportunities.ListOwnerChangesAsync(record.Id, query.LimitOrDefault(), query.Cursor, cancellationToken);
    }
}

public sealed class ListOwnerChangesQueryValidator : FluentValidation.AbstractValidator<ListOwnerChangesQuery>
{
    public ListOwnerChangesQueryValidator() => Common.Validation.PageRequestValidation.AddPageRules(this);
}
