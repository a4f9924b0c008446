using Mediator;
using SalesCrm.Application.Common.Abstractions;

namespace SalesCrm.Application.Leads.GetLead;

/// <summary>One lead in the caller's scope (reps: their own; managers: their team's; admins and integrations: all).</summary>
public sealed record GetLeadQuery(Guid Id) : IQuery<LeadDto>;

public sealed class GetLeadQueryHandler(ILeadStore leads, ICurrentUser caller) : IQueryHandler<GetLeadQuery, LeadDto>
{
    public async ValueTask<LeadDto> Handle(GetLeadQuery query, CancellationToken cancellationToken) =>
        (await leads.FindInScopeAsync(caller, query.Id, cancellationToken)).ToDto();
}
