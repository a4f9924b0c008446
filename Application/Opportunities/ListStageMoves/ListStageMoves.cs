using System.Globalization;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities.ListStageMoves;

/// <summary>An opportunity's stage history, oldest first (its creation first), with stage names and days spent in each.</summary>
public sealed record ListStageMovesQuery(Guid OpportunityId, int? Limit, string? Cursor) : IQuery<Page<StageMoveDto>>, IPageRequest;

public sealed class ListStageMovesQueryHandler(ICurrentUser caller, IOpportunityStore opportunities, TimeProvider clock)
    : IQueryHandler<ListStageMovesQuery, Page<StageMoveDto>>
{
    public async ValueTask<Page<StageMoveDto>> Handle(ListStageMovesQuery query, CancellationToken cancellationToken)
    {
        var record = await opportunities.RequireInScopeAsync(caller, query.OpportunityId, cancellationToken);
        var after = 0;
        if (KeysetCursor.Decode(query.Cursor) is var (key, _) && !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw RequestValidationException.For("cursor", "The cursor is not one this list issued.");
        }

        var limit = query.LimitOrDefault();
        var rows = await opportunities.ListStageMovesAsync(record.Id, after, limit + 1, cancellationToken);
        var now = clock.Now();
        var items = rows.Take(limit).Select((row, i) => StageHistory.ToDto(row, i + 1 < rows.Count ? rows[i + 1] : null, now)).ToList();
        var next = rows.Count > limit
            ? KeysetCursor.Encode(rows[limit - 1].MoveNumber.ToString(CultureInfo.InvariantCulture), rows[limit - 1].Id)
            : null;
        return new Page<StageMoveDto>(items, next);
    }
}

public sealed class ListStageMovesQueryValidator : FluentValidation.AbstractValidator<ListStageMovesQuery>
{
    public ListStageMovesQueryValidator() => Common.Validation.PageRequestValidation.AddPageRules(this);
}
