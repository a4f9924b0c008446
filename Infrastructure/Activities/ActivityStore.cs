using Dapper;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Activities;

/// <summary>Reads and changes activities with Dapper; new activities go through the group-commit <see cref="ActivityWriter"/>.</summary>
public sealed class ActivityStore(IDbConnectionFactory connections, ActivityWriter writer) : SqlStore(connections), IActivityStore
{
    public static readonly Sql FindInScope = new($"""
        SELECT {ActivityRow.Columns} FROM activities a
        WHERE a.id = @Id AND a.deleted_at IS NULL AND {ScopeSql.OwnerFilter("a.owner_id")}
        """);

    public static readonly Sql FindAny = new($"""
        SELECT {ActivityRow.Columns}, u.team_id AS OwnerTeamId, a.deleted_at AS DeletedAt
        FROM activities a JOIN users u ON u.id = a.owner_id
        WHERE a.id = @Id
        """);

    public static readonly Sql List = new($"""
        SELECT {ActivityRow.Columns} FROM activities a
        WHERE a.deleted_at IS NULL AND {ScopeSql.OwnerFilter("a.owner_id")}
          AND (@Type IS NULL OR a.type = @Type)
          AND (@OwnerId IS NULL OR a.owner_id = @OwnerId)
          AND (@TeamId IS NULL OR a.team_id = @TeamId)
          AND (@From IS NULL OR a.occurred_at >= @From)
          AND (@To IS NULL OR a.occurred_at < @To)
          AND (@LeadId IS NULL OR a.lead_id = @LeadId)
          AND (@ContactId IS NULL OR a.contact_id = @ContactId)
          AND (@AccountId IS NULL OR a.account_id = @AccountId)
          AND (@OpportunityId IS NULL OR a.opportunity_id = @OpportunityId)
          AND {Keyset.Descending("a.occurred_at", "a.id")}
        ORDER BY a.occurred_at DESC, a.id DESC
        {"{limit}"}
        """);

    public static readonly Sql RecordReply = new("""
        UPDATE activities SET replied_at = @RepliedAt, version = version + 1
        WHERE id = @Id AND type = 'email' AND deleted_at IS NULL AND (replied_at IS NULL OR replied_at > @RepliedAt)
        """);

    public static readonly Sql UpdateMeeting = new("""
        UPDATE activities
        SET occurred_at = @OccurredAt, duration_seconds = @DurationSeconds, outcome = @Outcome, subject = @Subject, body = @Notes,
            version = @Version
        WHERE id = @Id AND type = 'meeting' AND deleted_at IS NULL AND version = @ExpectedVersion
        """);

    public static readonly Sql SoftDelete = new("""
        UPDATE activities SET deleted_at = @DeletedAt, deleted_by = @DeletedBy, version = version + 1
        WHERE id = @Id AND deleted_at IS NULL
        """);

    public static readonly Sql Restore = new("""
        UPDATE activities SET deleted_at = NULL, deleted_by = NULL, version = version + 1
        WHERE id = @Id AND deleted_at IS NOT NULL
        """);

    public Task<IReadOnlyList<ActivityWriteResult>> RecordAsync(
        IReadOnlyList<NewActivity> activities, OwnerScope linkScope, CancellationToken cancellationToken) =>
        writer.WriteAsync(activities, linkScope);

    public async Task<ActivityDto?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(scope));
        parameters.Add("Id", id);
        return (await QuerySingleOrDefaultAsync<ActivityRow>(FindInScope, parameters, cancellationToken))?.ToDto();
    }

    public async Task<StoredActivity?> FindAnyAsync(Guid id, CancellationToken cancellationToken) =>
        await QuerySingleOrDefaultAsync<ActivityRow>(FindAny, new { Id = id }, cancellationToken) is { } row
            ? new StoredActivity(row.ToDto(), row.OwnerTeamId, row.DeletedAt)
            : null;

    public async Task<Page<ActivityDto>> ListAsync(ActivityListFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(filter.Scope));
        parameters.AddDynamicParams(new
        {
            Type = filter.Type?.ToName(),
            filter.OwnerId,
            filter.TeamId,
            filter.From,
            filter.To,
            filter.LeadId,
            filter.ContactId,
            filter.AccountId,
            filter.OpportunityId,
            AfterAt = filter.After?.At,
            AfterId = filter.After?.Id,
            Limit = filter.Limit + 1,
        });
        var rows = await QueryAsync<ActivityRow>(List, parameters, cancellationToken);
        var items = rows.Take(filter.Limit).Select(r => r.ToDto()).ToList();
        var next = rows.Count > filter.Limit ? new TimeCursor(items[^1].OccurredAt, items[^1].Id).Encode() : null;
        return new Page<ActivityDto>(items, next);
    }

    public Task RecordReplyAsync(Guid id, DateTimeOffset repliedAt, CancellationToken cancellationToken) =>
        ExecuteAsync(RecordReply, new { Id = id, RepliedAt = repliedAt }, cancellationToken);

    public async Task<bool> UpdateMeetingAsync(MeetingChange change, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpdateMeeting, new
        {
            change.Id,
            change.OccurredAt,
            change.DurationSeconds,
            Outcome = change.Outcome.ToName(),
            change.Subject,
            change.Notes,
            change.Version,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public async Task<bool> SoftDeleteAsync(Guid id, Guid deletedBy, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(SoftDelete, new { Id = id, DeletedBy = deletedBy, DeletedAt = deletedAt }, cancellationToken) == 1;

    public Task RestoreAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync(Restore, new { Id = id }, cancellationToken);
}
