using FluentValidation;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Common.Validation;

public static class PageRequestValidation
{
    /// <summary>Limit 1–200; the cursor at most <paramref name="maxCursorLength"/> characters (longer for lists sorted by a name).</summary>
    public static void AddPageRules<T>(this AbstractValidator<T> validator, int maxCursorLength = 200)
        where T : IPageRequest
    {
        validator.RuleFor(x => x.Limit)
            .InclusiveBetween(1, Paging.Paging.MaxLimit)
            .When(x => x.Limit is not null)
            .WithMessage($"limit must be between 1 and {Paging.Paging.MaxLimit}.");
        validator.RuleFor(x => x.Cursor).MaximumLength(maxCursorLength);
    }
}
