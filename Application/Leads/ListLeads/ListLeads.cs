using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Leads;

namespace SalesCrm.Application.Leads.ListLeads;

/// <summary>The leads in the caller's scope, newest first or by name, filtered by owner, team, status, source, text and creation time.</summary>
public sealed record ListLeadsQuery(
    Guid? OwnerId,
    Guid? TeamId,
    LeadStatus? Status,
    string? Source,
    string? Q,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort? Sort,
    int? Limit,
    string? Cursor) : IQuery<Page<LeadDto>>, ISortedListRequest;

public sealed class ListLeadsQueryHandler(ILeadStore leads, ICurrentUser caller) : IQueryHandler<ListLeadsQuery, Page<LeadDto>>
{
    public async ValueTask<Page<LeadDto>> Handle(ListLeadsQuery query, CancellationToken cancellationToken) =>
        await leads.ListAsync(
            new LeadListFilter(
                OwnerScope.For(caller),
                query.OwnerId,
                query.TeamId,
                query.Status,
                RecordText.Optional(query.Source),
                RecordText.Optional(query.Q),
                query.CreatedFrom,
                query.CreatedTo,
                SortedPage.Of(query)),
            cancellationToken);
}
