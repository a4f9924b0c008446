using Dapper;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.FollowUps;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.FollowUps;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.FollowUps;

public sealed class FollowUpStore(IDbConnectionFactory connections) : SqlStore(connections), IFollowUpStore
{
    private const string Columns = FollowUpRow.Columns;

    public static readonly Sql FindExternal = new(
        $"SELECT {Columns} FROM follow_ups f WHERE f.external_source = @ExternalSource AND f.external_id = @ExternalId");

    public static readonly Sql Insert = new("""
        INSERT INTO follow_ups (id, owner_id, channel, due_at, lead_id, opportunity_id, notes, status, completed_at,
            fulfilled_by_activity_id, cancelled_at, created_at, created_by, external_source, external_id, deleted_at, deleted_by, version)
        VALUES (@Id, @OwnerId, @Channel, @DueAt, @LeadId, @OpportunityId, @Notes, @Status, NULL,
            NULL, NULL, @CreatedAt, @CreatedBy, @ExternalSource, @ExternalId, NULL, NULL, @Version)
        """);

    public static readonly Sql FindInScope = new($"""
        SELECT {Columns} FROM follow_ups f
        WHERE f.id = @Id AND f.deleted_at IS NULL AND {ScopeSql.OwnerFilter("f.owner_id")}
        """);

    public static readonly Sql FindAny = new($"""
        SELECT {Columns}, u.team_id AS OwnerTeamId, f.deleted_at AS DeletedAt
        FROM follow_ups f JOIN users u ON u.id = f.owner_id
        WHERE f.id = @Id
        """);

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM follow_ups f
        WHERE f.deleted_at IS NULL AND {ScopeSql.OwnerFilter("f.owner_id")}
          AND (@OwnerId IS NULL OR f.owner_id = @OwnerId)
          AND (@TeamId IS NULL OR f.owner_id IN (SELECT tu.id FROM users tu WHERE tu.team_id = @TeamId))
          AND (@Status IS NULL OR f.status = @Status)
          AND (@OverdueAsOf IS NULL OR (f.status = 'open' AND f.due_at < @OverdueAsOf))
          AND (@DueFrom IS NULL OR f.due_at >= @DueFrom)
          AND (@DueTo IS NULL OR f.due_at < @DueTo)
          AND (@LeadId IS NULL OR f.lead_id = @LeadId)
          AND (@OpportunityId IS NULL OR f.opportunity_id = @OpportunityId)
          AND {Keyset.Ascending("f.due_at", "f.id")}
        ORDER BY f.due_at, f.id
        {"{limit}"}
        """);

    public static readonly Sql Close = new("""
        UPDATE follow_ups
        SET status = @Status, completed_at = @CompletedAt, fulfilled_by_activity_id = @FulfilledByActivityId,
            cancelled_at = @CancelledAt, version = version + 1
        WHERE id = @Id AND status = 'open' AND deleted_at IS NULL AND version = @ExpectedVersion
        """);

    public static readonly Sql SoftDelete = new("""
        UPDATE follow_ups SET deleted_at = @DeletedAt, deleted_by = @DeletedBy, version = version + 1
        WHERE id = @Id AND deleted_at IS NULL
        """);

    public static readonly Sql Restore = new("""
        UPDATE follow_ups SET deleted_at = NULL, deleted_by = NULL, version = version + 1
        WHERE id = @Id AND deleted_at IS NOT NULL
        """);

    public async Task<(FollowUpRecord FollowUp, bool Created)> InsertAsync(FollowUpRecord followUp, CancellationToken cancellationToken)
    {
        try
        {
            return await InsertOrFindAsync(followUp, cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (Connections.IsUniqueViolation(ex) && followUp.ExternalId is not null)
        {
            // A concurrent create with the same externalId won the race (SQL Server; SQLite serialises writers).
            var existing = await QuerySingleOrDefaultAsync<FollowUpRow>(FindExternal, new { followUp.ExternalSource, followUp.ExternalId }, cancellationToken);
            return existing is null ? throw new InvalidOperationException("The follow-up clashed with a stored one.", ex) : (existing.ToRecord(), false);
        }
    }

    private Task<(FollowUpRecord FollowUp, bool Created)> InsertOrFindAsync(FollowUpRecord followUp, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (followUp.ExternalId is not null
                && await write.QuerySingleOrDefaultAsync<FollowUpRow>(FindExternal, new { followUp.ExternalSource, followUp.ExternalId }) is { } existing)
            {
                return (existing.ToRecord(), false);
            }

            await write.ExecuteAsync(Insert, new
            {
                followUp.Id,
                followUp.OwnerId,
                Channel = followUp.Channel.ToName(),
                followUp.DueAt,
                followUp.LeadId,
                followUp.OpportunityId,
                followUp.Notes,
                Status = followUp.Status.ToName(),
                followUp.CreatedAt,
                followUp.CreatedBy,
                followUp.ExternalSource,
                followUp.ExternalId,
                followUp.Version,
            });
            return (followUp, true);
        }, cancellationToken);

    public async Task<FollowUpRecord?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(scope));
        parameters.Add("Id", id);
        return (await QuerySingleOrDefaultAsync<FollowUpRow>(FindInScope, parameters, cancellationToken))?.ToRecord();
    }

    public async Task<(FollowUpRecord FollowUp, Guid? OwnerTeamId, DateTimeOffset? DeletedAt)?> FindAnyAsync(Guid id, CancellationToken cancellationToken) =>
        await QuerySingleOrDefaultAsync<FollowUpRow>(FindAny, new { Id = id }, cancellationToken) is { } row
            ? (row.ToRecord(), row.OwnerTeamId, row.DeletedAt)
            : null;

    public async Task<Page<FollowUpRecord>> ListAsync(FollowUpListFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(filter.Scope));
        parameters.AddDynamicParams(new
        {
            filter.OwnerId,
            filter.TeamId,
            Status = filter.Status?.ToName(),
            filter.OverdueAsOf,
            filter.DueFrom,
            filter.DueTo,
            filter.LeadId,
            filter.OpportunityId,
            AfterAt = filter.After?.At,
            AfterId = filter.After?.Id,
            Limit = filter.Limit + 1,
        });
        var rows = await QueryAsync<FollowUpRow>(List, parameters, cancellationToken);
        var items = rows.Take(filter.Limit).Select(r => r.ToRecord()).ToList();
        var next = rows.Count > filter.Limit ? new TimeCursor(items[^1].DueAt, items[^1].Id).Encode() : null;
        return new Page<FollowUpRecord>(items, next);
    }

    public async Task<bool> CloseAsync(FollowUpClosing closing, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Close, new
        {
            closing.Id,
            Status = closing.Status.ToName(),
            CompletedAt = closing.Status == FollowUpStatus.Completed ? closing.At : (DateTimeOffset?)null,
            closing.FulfilledByActivityId,
            CancelledAt = closing.Status == FollowUpStatus.Cancelled ? closing.At : (DateTimeOffset?)null,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public async Task<bool> SoftDeleteAsync(Guid id, Guid deletedBy, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(SoftDelete, new { Id = id, DeletedBy = deletedBy, DeletedAt = deletedAt }, cancellationToken) == 1;

    public Task RestoreAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync(Restore, new { Id = id }, cancellationToken);
}
