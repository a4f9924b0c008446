using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Domain.TimeEntries;

namespace SalesCrm.Application.TimeEntries.ListTimeEntries;

/// <summary>Time entries that started in [from, to), newest first; reps see their own, managers their team's, admins all.</summary>
public sealed record ListTimeEntriesQuery(
    Guid? OwnerId = null,
    Guid? TeamId = null,
    TimeEntryKind? Kind = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<TimeEntryDto>>, IPageRequest;

public sealed class ListTimeEntriesQueryHandler(ICurrentUser caller, ITimeEntryStore entries) : IQueryHandler<ListTimeEntriesQuery, Page<TimeEntryDto>>
{
    public async ValueTask<Page<TimeEntryDto>> Handle(ListTimeEntriesQuery query, CancellationToken cancellationToken) =>
        await entries.ListAsync(
            new TimeEntryListFilter(OwnerScope.For(caller), query.OwnerId, query.TeamId, query.Kind, query.From, query.To,
                query.LimitOrDefault(), KeysetCursor.Decode(query.Cursor)),
            cancellationToken);
}

public sealed class ListTimeEntriesQueryValidator : AbstractValidator<ListTimeEntriesQuery>
{
    public ListTimeEntriesQueryValidator()
    {
        this.AddPageRules();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("to must be after from.");
    }
}
