using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Contacts.ListContacts;

/// <summary>The shared directory of contacts, newest first or by last name, filtered by owner, team, account, text and creation time.</summary>
public sealed record ListContactsQuery(
    Guid? OwnerId,
    Guid? TeamId,
    Guid? AccountId,
    string? Q,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort? Sort,
    int? Limit,
    string? Cursor) : IQuery<Page<ContactDto>>, IDirectoryListQuery;

public sealed class ListContactsQueryHandler(IContactStore contacts) : IQueryHandler<ListContactsQuery, Page<ContactDto>>
{
    public async ValueTask<Page<ContactDto>> Handle(ListContactsQuery query, CancellationToken cancellationToken) =>
        await contacts.ListAsync(
            new ContactListFilter(
                query.OwnerId,
                query.TeamId,
                query.AccountId,
                RecordText.Optional(query.Q),
                query.CreatedFrom,
                query.CreatedTo,
                SortedPage.Of(query)),
            cancellationToken);
}
