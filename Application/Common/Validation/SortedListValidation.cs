using FluentValidation;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Common.Validation;

/// <summary>A directory list's query: text to search for, sorted, paged and windowed by creation time.</summary>
public interface IDirectoryListQuery : ISortedListRequest
{
    string? Q { get; }

    DateTimeOffset? CreatedFrom { get; }

    DateTimeOffset? CreatedTo { get; }
}

public static class SortedListValidation
{
    /// <summary>Paging with a name-sized cursor, <c>q</c> up to a name's length, a known sort, and <c>createdTo</c> after <c>createdFrom</c>.</summary>
    public static void AddDirectoryListRules<T>(this AbstractValidator<T> validator)
        where T : IDirectoryListQuery
    {
        validator.AddPageRules(SortCursor.MaxLength);
        validator.RuleFor(x => x.Q).MaximumLength(RecordFieldRules.NameLength);
        validator.RuleFor(x => x.Sort).IsInEnum();
        validator.RuleFor(x => x.CreatedTo).GreaterThan(x => x.CreatedFrom).When(x => x.CreatedFrom is not null && x.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
    }
}
