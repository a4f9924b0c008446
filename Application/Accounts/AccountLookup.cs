using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Accounts;

public static class AccountLookup
{
    /// <summary>The live account, or 404 (missing and deleted look the same).</summary>
    public static async Task<AccountRecord> FindLiveAsync(this IAccountStore accounts, Guid id, CancellationToken cancellationToken) =>
        await accounts.FindAsync(id, cancellationToken) is { DeletedAt: null } account
            ? account
            : throw new NotFoundException("account");
}
