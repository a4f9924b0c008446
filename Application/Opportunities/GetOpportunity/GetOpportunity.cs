using Mediator;
using SalesCrm.Application.Common.Abstractions;

namespace SalesCrm.Application.Opportunities.GetOpportunity;

public sealed record GetOpportunityQuery(Guid Id) : IQuery<OpportunityDto>;

public sealed class GetOpportunityQueryHandler(ICurrentUser caller, IOpportunityStore opportunities)
    : IQueryHandler<GetOpportunityQuery, OpportunityDto>
{
    public async ValueTask<OpportunityDto> Handle(GetOpportunityQuery query, CancellationToken cancellationToken) =>
        (await opportunities.RequireInScopeAsync(caller, query.Id, cancellationToken)).Opportunity;
}
