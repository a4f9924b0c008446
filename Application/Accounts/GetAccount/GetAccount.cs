using Mediator;

namespace SalesCrm.Application.Accounts.GetAccount;

/// <summary>One account. The directory is shared: every signed-in person can read every live account.</summary>
public sealed record GetAccountQuery(Guid Id) : IQuery<AccountDto>;

public sealed class GetAccountQueryHandler(IAccountStore accounts) : IQueryHandler<GetAccountQuery, AccountDto>
{
    public async ValueTask<AccountDto> Handle(GetAccountQuery query, CancellationToken cancellationToken) =>
        (await accounts.FindLiveAsync(query.Id, cancellationToken)).ToDto();
}
