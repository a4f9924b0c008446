using Mediator;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Accounts.ListAccounts;

/// <summary>The shared directory of accounts, newest first or by name, filtered by owner, team, name/domain and creation time.</summary>
public sealed record ListAccountsQuery(
    Guid? OwnerId,
    Guid? TeamId,
    string? Q,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    ListSort? Sort,
    int? Limit,
    string? Cursor) : IQuery<Page<AccountDto>>, IDirectoryListQuery;

public sealed class ListAccountsQueryHandler(IAccountStore accounts) : IQueryHandler<ListAccountsQuery, Page<AccountDto>>
{
    public async ValueTask<Page<AccountDto>> Handle(ListAccountsQuery query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(
            new AccountListFilter(
                query.OwnerId, query.TeamId, RecordText.Optional(query.Q), query.CreatedFrom, query.CreatedTo, SortedPage.Of(query)),
            cancellationToken);
}
