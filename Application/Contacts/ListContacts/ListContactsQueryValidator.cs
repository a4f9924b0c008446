using FluentValidation;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Contacts.ListContacts;

public sealed class ListContactsQueryValidator : AbstractValidator<ListContactsQuery>
{
    public ListContactsQueryValidator()
    {
        this.AddDirectoryListRules();
    }
}
