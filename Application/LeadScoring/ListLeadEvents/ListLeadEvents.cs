using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Leads;

namespace SalesCrm.Application.LeadScoring.ListLeadEvents;

/// <summary>The scoring events of a lead in the caller's scope, oldest first.</summary>
public sealed record ListLeadEventsQuery(Guid LeadId) : IQuery<IReadOnlyList<LeadScoreEventDto>>;

public sealed class ListLeadEventsQueryHandler(ILeadStore leads, ILeadScoringStore store, ICurrentUser caller)
    : IQueryHandler<ListLeadEventsQuery, IReadOnlyList<LeadScoreEventDto>>
{
    public async ValueTask<IReadOnlyList<LeadScoreEventDto>> Handle(ListLeadEventsQuery query, CancellationToken cancellationToken)
    {
        var lead = await leads.FindInScopeAsync(caller, query.LeadId, cancellationToken);
        return await store.ListEventsAsync(lead.Id, cancellationToken);
    }
}
