using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Accounts.ListAccounts;

public sealed class ListAccountsQueryValidator : AbstractValidator<ListAccountsQuery>
{
    public ListAccountsQueryValidator()
    {
        this.AddDirectoryListRules();
    }
}
