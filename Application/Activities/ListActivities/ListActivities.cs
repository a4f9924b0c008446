using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.ListActivities;

/// <summary>Activities in the caller's scope, newest first (by occurredAt), filtered the ways managers slice them.</summary>
public sealed record ListActivitiesQuery(
    ActivityType? Type,
    Guid? OwnerId,
    Guid? TeamId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    Guid? LeadId,
    Guid? ContactId,
    Guid? AccountId,
    Guid? OpportunityId,
    int? Limit,
    string? Cursor) : IQuery<Page<ActivityDto>>, IPageRequest;

public sealed class ListActivitiesQueryHandler(ICurrentUser caller, IActivityStore store)
    : IQueryHandler<ListActivitiesQuery, Page<ActivityDto>>
{
    public async ValueTask<Page<ActivityDto>> Handle(ListActivitiesQuery query, CancellationToken cancellationToken) =>
        await store.ListAsync(
            new ActivityListFilter(
                OwnerScope.For(caller), query.Type, query.OwnerId, query.TeamId, query.From, query.To,
                query.LeadId, query.ContactId, query.AccountId, query.OpportunityId,
                query.LimitOrDefault(), TimeCursor.Decode(query.Cursor)),
            cancellationToken);
}
