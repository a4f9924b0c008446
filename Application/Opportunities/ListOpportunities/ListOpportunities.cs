using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Opportunities.ListOpportunities;

/// <summary>Which deals a list shows by their state: still open, or closed as won or lost.</summary>
public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>List orders: newest created first (`newest`), largest amount first (`amount`), or soonest expected close date first, undated last (`closing`).</summary>
public enum OpportunitySort
{
    Newest,
    Amount,
    Closing,
}

/// <summary>
/// The caller's opportunities (a rep's own, a manager's team's, everything for admins and integrations), filtered
/// and sorted, cursor-paginated. Ranges are <c>from</c> inclusive, <c>to</c> exclusive.
/// </summary>
public sealed record ListOpportunitiesQuery(
    Guid? OwnerId = null,
    Guid? TeamId = null,
    Guid? PipelineId = null,
    Guid? StageId = null,
    OpportunityStatus? Status = null,
    Guid? AccountId = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    DateOnly? ExpectedCloseFrom = null,
    DateOnly? ExpectedCloseTo = null,
    OpportunitySort? Sort = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<OpportunityDto>>, IPageRequest;

public sealed record OpportunityListFilter(
    Guid? OwnerId,
    Guid? TeamId,
    Guid? PipelineId,
    Guid? StageId,
    OpportunityStatus? Status,
    Guid? AccountId,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    DateOnly? ExpectedCloseFrom,
    DateOnly? ExpectedCloseTo,
    OpportunitySort Sort,
    OpportunityCursor.Position? After,
    int Limit);

public sealed class ListOpportunitiesQueryHandler(ICurrentUser caller, IOpportunityStore opportunities)
    : IQueryHandler<ListOpportunitiesQuery, Page<OpportunityDto>>
{
    public async ValueTask<Page<OpportunityDto>> Handle(ListOpportunitiesQuery query, CancellationToken cancellationToken)
    {
        var sort = query.Sort ?? OpportunitySort.Newest;
        var filter = new OpportunityListFilter(
            query.OwnerId, query.TeamId, query.PipelineId, query.StageId, query.Status, query.AccountId,
            query.CreatedFrom, query.CreatedTo, query.ExpectedCloseFrom, query.ExpectedCloseTo,
            sort, OpportunityCursor.Decode(query.Cursor, sort), query.LimitOrDefault());
        return await opportunities.ListAsync(filter, OwnerScope.For(caller), cancellationToken);
    }
}
