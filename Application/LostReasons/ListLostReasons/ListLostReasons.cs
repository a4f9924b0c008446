using Mediator;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.LostReasons.ListLostReasons;

/// <summary>The lost reasons a Lost move can name, oldest first; archived ones only on request.</summary>
public sealed record ListLostReasonsQuery(bool? IncludeArchived, int? Limit, string? Cursor) : IQuery<Page<LostReasonDto>>, IPageRequest;

public sealed class ListLostReasonsQueryHandler(ILostReasonStore reasons) : IQueryHandler<ListLostReasonsQuery, Page<LostReasonDto>>
{
    public async ValueTask<Page<LostReasonDto>> Handle(ListLostReasonsQuery query, CancellationToken cancellationToken) =>
        await reasons.ListAsync(query.IncludeArchived ?? false, query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)?.Id, cancellationToken);
}

public sealed class ListLostReasonsQueryValidator : FluentValidation.AbstractValidator<ListLostReasonsQuery>
{
    public ListLostReasonsQueryValidator() => Common.Validation.PageRequestValidation.AddPageRules(this);
}
