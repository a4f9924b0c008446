using FluentValidation;
using Mediator;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.Application.FollowUps.ListFollowUps;

/// <summary>The status filter of the follow-up list: the stored statuses, plus <c>overdue</c> (open and due before now).</summary>
public enum FollowUpStatusFilter
{
    Open,
    Completed,
    Cancelled,
    Overdue,
}

/// <summary>Follow-ups in the caller's scope as a to-do list: soonest due first.</summary>
public sealed record ListFollowUpsQuery(
    Guid? OwnerId,
    Guid? TeamId,
    FollowUpStatusFilter? Status,
    DateTimeOffset? DueFrom,
    DateTimeOffset? DueTo,
    Guid? LeadId,
    Guid? OpportunityId,
    int? Limit,
    string? Cursor) : IQuery<Page<FollowUpDto>>, IPageRequest;

public sealed class ListFollowUpsQueryHandler(ICurrentUser caller, IFollowUpStore store, TimeProvider clock)
    : IQueryHandler<ListFollowUpsQuery, Page<FollowUpDto>>
{
    public async ValueTask<Page<FollowUpDto>> Handle(ListFollowUpsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var status = query.Status switch
        {
            FollowUpStatusFilter.Open or FollowUpStatusFilter.Overdue => FollowUpStatus.Open,
            FollowUpStatusFilter.Completed => FollowUpStatus.Completed,
            FollowUpStatusFilter.Cancelled => FollowUpStatus.Cancelled,
            _ => (FollowUpStatus?)null,
        };
        var page = await store.ListAsync(
            new FollowUpListFilter(
                OwnerScope.For(caller), query.OwnerId, query.TeamId, status,
                query.Status == FollowUpStatusFilter.Overdue ? now : null,
                query.DueFrom, query.DueTo, query.LeadId, query.OpportunityId,
                query.LimitOrDefault(), TimeCursor.Decode(query.Cursor)),
            cancellationToken);
        return new Page<FollowUpDto>([.. page.Items.Select(f => f.ToDto(now))], page.NextCursor);
    }
}

public sealed class ListFollowUpsQueryValidator : AbstractValidator<ListFollowUpsQuery>
{
    public ListFollowUpsQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.DueTo).GreaterThan(x => x.DueFrom).When(x => x.DueFrom is not null && x.DueTo is not null)
            .WithMessage("dueTo must be after dueFrom.");
    }
}
