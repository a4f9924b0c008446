using System.Globalization;
using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Timeline.GetTimeline;

/// <summary>
/// Everything that happened to one lead, contact, account or opportunity, newest first: its activities, follow-ups
/// planned and completed, and (for opportunities) its stage moves. Leads and opportunities must be in the caller's scope
/// (404 otherwise); accounts and contacts are the shared directory, readable by everyone, but their timelines only show
/// what the caller may see.
/// </summary>
public sealed record GetTimelineQuery(RecordKind Record, Guid Id, int? Limit, string? Cursor) : IQuery<Page<TimelineEntry>>, IPageRequest;

public sealed class GetTimelineQueryHandler(
    ICurrentUser caller, RecordLinks links, IRecordVisibility visibility, ITimelineReader reader, TimeProvider clock)
    : IQueryHandler<GetTimelineQuery, Page<TimelineEntry>>
{
    public async ValueTask<Page<TimelineEntry>> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        if (query.Record is RecordKind.Lead or RecordKind.Opportunity)
        {
            await links.RequireInScopeAsync(query.Record, query.Id, cancellationToken);
        }
        else if (await visibility.FindOwnerAsync(query.Record, query.Id, cancellationToken) is null)
        {
            throw new NotFoundException(query.Record.ToString().ToLowerInvariant());
        }

        var limit = query.LimitOrDefault();
        var entries = await reader.ReadAsync(
            new TimelineRequest(query.Record, query.Id, OwnerScope.For(caller), limit + 1, TimelineCursor.Decode(query.Cursor), clock.GetUtcNow()),
            cancellationToken);
        var items = entries.Take(limit).ToList();
        return new Page<TimelineEntry>(items, entries.Count > limit ? TimelineCursor.Encode(items[^1]) : null);
    }
}

public sealed class GetTimelineQueryValidator : AbstractValidator<GetTimelineQuery>
{
    public GetTimelineQueryValidator() => this.AddPageRules();
}

/// <summary>The cursor of a timeline page: the last entry's time, kind and id.</summary>
public static class TimelineCursor
{
    public static string Encode(TimelineEntry entry) => KeysetCursor.Encode(
        string.Create(CultureInfo.InvariantCulture, $"{entry.OccurredAt.ToUnixTimeMilliseconds()}.{(int)entry.Kind}"), IdOf(entry));

    public static TimelinePosition? Decode(string? cursor)
    {
        if (KeysetCursor.Decode(cursor) is not { } key)
        {
            return null;
        }

        var parts = key.SortKey.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            && ms is >= -62_135_596_800_000 and <= 253_402_300_799_999
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && Enum.IsDefined((TimelineEntryKind)kind)
            ? new TimelinePosition(DateTimeOffset.FromUnixTimeMilliseconds(ms), (TimelineEntryKind)kind, key.Id)
            : throw RequestValidationException.For("cursor", "The cursor is not one this API issued.");
    }

    public static Guid IdOf(TimelineEntry entry) => entry.Activity?.Id ?? entry.FollowUp?.Id ?? entry.StageMove!.Id;
}
