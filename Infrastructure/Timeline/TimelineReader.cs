using Dapper;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Timeline;
using SalesCrm.Infrastructure.Activities;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.FollowUps;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Timeline;

/// <summary>
/// A timeline page merged from its sources: each source (activities, follow-ups created, follow-ups completed, stage
/// moves) returns its own newest entries after the cursor, at most one page each, in its index order; the page is the
/// newest of those. Each source uses its own index, and no UNION has to line up unlike columns.
/// </summary>
public sealed class TimelineReader(IDbConnectionFactory connections) : SqlStore(connections), ITimelineReader
{
    public static readonly Sql LeadActivities = Activities("lead_id");
    public static readonly Sql ContactActivities = Activities("contact_id");
    public static readonly Sql AccountActivities = Activities("account_id");
    public static readonly Sql OpportunityActivities = Activities("opportunity_id");
    public static readonly Sql LeadFollowUpsCreated = FollowUps("lead_id", "f.created_at", "");
    public static readonly Sql OpportunityFollowUpsCreated = FollowUps("opportunity_id", "f.created_at", "");
    public static readonly Sql LeadFollowUpsCompleted = FollowUps("lead_id", "f.completed_at", "AND f.status = 'completed'");
    public static readonly Sql OpportunityFollowUpsCompleted = FollowUps("opportunity_id", "f.completed_at", "AND f.status = 'completed'");

    public static readonly Sql StageMoves = new($"""
        SELECT m.id AS Id, m.from_stage_id AS FromStageId, fs.name AS FromStageName, m.to_stage_id AS ToStageId,
               ts.name AS ToStageName, m.moved_by AS MovedBy, m.occurred_at AS OccurredAt
        FROM stage_moves m
        JOIN stages ts ON ts.id = m.to_stage_id
        LEFT JOIN stages fs ON fs.id = m.from_stage_id
        WHERE m.opportunity_id = @RecordId AND {After("m.occurred_at", "m.id")}
        ORDER BY m.occurred_at DESC, m.id DESC
        {"{limit}"}
        """);

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(TimelineRequest request, CancellationToken cancellationToken)
    {
        var now = request.Now;
        var sources = new List<Task<IEnumerable<TimelineEntry>>>
        {
            ReadAsync<ActivityRow>(request, TimelineEntryKind.Activity, ActivitiesOf(request.Record),
                r => new TimelineEntry(TimelineEntryKind.Activity, r.OccurredAt, Activity: r.ToDto()), cancellationToken),
        };
        if (request.Record is RecordKind.Lead or RecordKind.Opportunity)
        {
            var lead = request.Record == RecordKind.Lead;
            sources.Add(ReadAsync<FollowUpRow>(request, TimelineEntryKind.FollowUpCreated, lead ? LeadFollowUpsCreated : OpportunityFollowUpsCreated,
                r => new TimelineEntry(TimelineEntryKind.FollowUpCreated, r.CreatedAt, FollowUp: r.ToRecord().ToDto(now)), cancellationToken));
            sources.Add(ReadAsync<FollowUpRow>(request, TimelineEntryKind.FollowUpCompleted, lead ? LeadFollowUpsCompleted : OpportunityFollowUpsCompleted,
                r => new TimelineEntry(TimelineEntryKind.FollowUpCompleted, r.CompletedAt!.Value, FollowUp: r.ToRecord().ToDto(now)), cancellationToken));
        }

        if (request.Record == RecordKind.Opportunity)
        {
            sources.Add(ReadAsync<StageMoveRow>(request, TimelineEntryKind.StageMove, StageMoves,
                r => new TimelineEntry(TimelineEntryKind.StageMove, r.OccurredAt, StageMove: r.ToEntry()), cancellationToken));
        }

        // Sources are disjoint by kind; a stable sort keeps each source's own order among entries of one time and kind.
        var all = (await Task.WhenAll(sources)).SelectMany(entries => entries);
        return [.. all.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Kind).Take(request.Count)];
    }

    private async Task<IEnumerable<TimelineEntry>> ReadAsync<TRow>(
        TimelineRequest request, TimelineEntryKind kind, Sql sql, Func<TRow, TimelineEntry> map, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(request.Scope));
        var after = request.After;
        parameters.AddDynamicParams(new
        {
            RecordId = request.Id,
            AfterAt = after?.At,
            AfterId = after?.Id,
            TieAll = after is not null && kind < after.Kind ? 1 : 0,
            TieById = after is not null && kind == after.Kind ? 1 : 0,
            Limit = request.Count,
        });
        return (await QueryAsync<TRow>(sql, parameters, cancellationToken)).Select(map);
    }

    private static Sql ActivitiesOf(RecordKind record) => record switch
    {
        RecordKind.Lead => LeadActivities,
        RecordKind.Contact => ContactActivities,
        RecordKind.Account => AccountActivities,
        _ => OpportunityActivities,
    };

    /// <summary>Rows after the cursor in (time desc, kind desc, id desc) order, for a source of one kind.</summary>
    private static string After(string at, string id) =>
        $"(@AfterAt IS NULL OR {at} < @AfterAt OR ({at} = @AfterAt AND (@TieAll = 1 OR (@TieById = 1 AND {id} < @AfterId))))";

    private static Sql Activities(string link) => new($"""
        SELECT {ActivityRow.Columns} FROM activities a
        WHERE a.{link} = @RecordId AND a.deleted_at IS NULL AND {ScopeSql.OwnerFilter("a.owner_id")}
          AND {After("a.occurred_at", "a.id")}
        ORDER BY a.occurred_at DESC, a.id DESC
        {"{limit}"}
        """);

    private static Sql FollowUps(string link, string at, string condition) => new($"""
        SELECT {FollowUpRow.Columns} FROM follow_ups f
        WHERE f.{link} = @RecordId AND f.deleted_at IS NULL {condition} AND {ScopeSql.OwnerFilter("f.owner_id")}
          AND {After(at, "f.id")}
        ORDER BY {at} DESC, f.id DESC
        {"{limit}"}
        """);

    private sealed class StageMoveRow
    {
        public Guid Id { get; init; }

        public Guid? FromStageId { get; init; }

        public string? FromStageName { get; init; }

        public Guid ToStageId { get; init; }

        public string ToStageName { get; init; } = "";

        public Guid MovedBy { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public StageMoveEntry ToEntry() => new(Id, FromStageId, FromStageName, ToStageId, ToStageName, MovedBy, OccurredAt);
    }
}
