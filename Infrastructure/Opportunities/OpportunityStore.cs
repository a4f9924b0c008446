using System.Globalization;
using Dapper;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Opportunities;
using SalesCrm.Application.Opportunities.ListOpportunities;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;
using SalesCrm.Domain.Opportunities;
using SalesCrm.Domain.Pipelines;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Opportunities;

public sealed class OpportunityStore(IDbConnectionFactory connections) : SqlStore(connections), IOpportunityStore
{
    private const string Select = """
        SELECT o.id AS Id, o.name AS Name, o.account_id AS AccountId, o.primary_contact_id AS PrimaryContactId,
               o.owner_id AS OwnerId, u.team_id AS OwnerTeamId, o.pipeline_id AS PipelineId, o.stage_id AS StageId,
               s.name AS StageName, s.probability AS StageProbability, s.kind AS StageKind, o.amount AS Amount,
               o.expected_close_date AS ExpectedCloseDate, o.lead_id AS LeadId, o.competitor AS Competitor,
               o.created_at AS CreatedAt, o.created_by AS CreatedBy, o.stage_entered_at AS StageEnteredAt,
               o.closed_at AS ClosedAt, o.outcome AS Outcome, o.lost_reason_id AS LostReasonId,
               o.external_id AS ExternalId, o.forecast_category AS ForecastCategory, o.deleted_at AS DeletedAt, o.version AS Version
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        JOIN users u ON u.id = o.owner_id
        """;

    private static readonly string ListFilters = $"""
        WHERE o.deleted_at IS NULL AND {ScopeSql.OwnerFilter("o.owner_id")}
          AND (@OwnerId IS NULL OR o.owner_id = @OwnerId)
          AND (@TeamId IS NULL OR u.team_id = @TeamId)
          AND (@PipelineId IS NULL OR o.pipeline_id = @PipelineId)
          AND (@StageId IS NULL OR o.stage_id = @StageId)
          AND (@Status IS NULL OR (@Status = 'open' AND o.outcome IS NULL) OR o.outcome = @Status)
          AND (@AccountId IS NULL OR o.account_id = @AccountId)
          AND (@CreatedFrom IS NULL OR o.created_at >= @CreatedFrom)
          AND (@CreatedTo IS NULL OR o.created_at < @CreatedTo)
          AND (@CloseFrom IS NULL OR o.expected_close_date >= @CloseFrom)
          AND (@CloseTo IS NULL OR o.expected_close_date < @CloseTo)
        """;

    public static readonly Sql Find = new($"{Select} WHERE o.id = @Id AND (@IncludeDeleted = 1 OR o.deleted_at IS NULL)");

    public static readonly Sql FindByExternalId = new($"{Select} WHERE o.external_source = @Source AND o.external_id = @ExternalId");

    public static readonly Sql ListNewest = new($"""
        {Select}
        {ListFilters}
          AND {Keyset.Descending("o.created_at", "o.id", "@AfterCreatedAt")}
        ORDER BY o.created_at DESC, o.id DESC
        {"{limit}"}
        """);

    public static readonly Sql ListByAmount = new($"""
        {Select}
        {ListFilters}
          AND {Keyset.Descending("o.amount", "o.id", "@AfterAmount")}
        ORDER BY o.amount DESC, o.id DESC
        {"{limit}"}
        """);

    public static readonly Sql ListByCloseDate = new($"""
        {Select}
        {ListFilters}
          AND {Keyset.Ascending("COALESCE(o.expected_close_date, @NoCloseDate)", "o.id", "@AfterCloseDate")}
        ORDER BY COALESCE(o.expected_close_date, @NoCloseDate), o.id
        {"{limit}"}
        """);

    public static readonly Sql Insert = new("""
        INSERT INTO opportunities (id, name, account_id, primary_contact_id, owner_id, pipeline_id, stage_id, amount,
            expected_close_date, lead_id, created_at, created_by, stage_entered_at, closed_at, outcome, lost_reason_id,
            competitor, external_source, external_id, deleted_at, deleted_by, version)
        VALUES (@Id, @Name, @AccountId, @PrimaryContactId, @OwnerId, @PipelineId, @StageId, @Amount,
            @ExpectedCloseDate, @LeadId, @CreatedAt, @CreatedBy, @CreatedAt, NULL, NULL, NULL,
            @Competitor, @ExternalSource, @ExternalId, NULL, NULL, 1)
        """);

    /// <summary>Appends a history entry numbered after the opportunity's latest one.</summary>
    public static readonly Sql AppendMove = new("""
        INSERT INTO stage_moves (id, opportunity_id, from_stage_id, to_stage_id, occurred_at, moved_by, recorded_at, move_number, lost_reason_id)
        SELECT @Id, @OpportunityId, @FromStageId, @ToStageId, @OccurredAt, @MovedBy, @RecordedAt, COALESCE(MAX(move_number), 0) + 1, @LostReasonId
        FROM stage_moves WHERE opportunity_id = @OpportunityId
        """);

    public static readonly Sql Update = new("""
        UPDATE opportunities
        SET name = @Name, amount = @Amount, expected_close_date = @ExpectedCloseDate, primary_contact_id = @PrimaryContactId,
            competitor = @Competitor, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql ApplyMove = new("""
        UPDATE opportunities
        SET stage_id = @ToStageId, stage_entered_at = @OccurredAt, closed_at = @ClosedAt, outcome = @Outcome,
            lost_reason_id = @LostReasonId, competitor = COALESCE(@Competitor, competitor), version = version + 1
        WHERE id = @OpportunityId AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql SetOwner = new("""
        UPDATE opportunities SET owner_id = @ToOwnerId, version = version + 1
        WHERE id = @OpportunityId AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql InsertOwnerChange = new("""
        INSERT INTO owner_changes (id, opportunity_id, from_owner_id, to_owner_id, occurred_at, changed_by)
        VALUES (@Id, @OpportunityId, @FromOwnerId, @ToOwnerId, @OccurredAt, @ChangedBy)
        """);

    public static readonly Sql LatestOwnerChange = new("SELECT MAX(occurred_at) AS At FROM owner_changes WHERE opportunity_id = @OpportunityId");

    public static readonly Sql SetDeleted = new(
        "UPDATE opportunities SET deleted_at = @DeletedAt, deleted_by = @DeletedBy, version = version + 1 WHERE id = @Id");

    public static readonly Sql ListMoves = new("""
        SELECT m.id AS Id, m.opportunity_id AS OpportunityId, m.move_number AS MoveNumber, m.from_stage_id AS FromStageId,
               f.name AS FromStageName, m.to_stage_id AS ToStageId, t.name AS ToStageName, t.kind AS ToStageKind,
               m.occurred_at AS OccurredAt, m.moved_by AS MovedBy, m.recorded_at AS RecordedAt, m.lost_reason_id AS LostReasonId
        FROM stage_moves m
        JOIN stages t ON t.id = m.to_stage_id
        LEFT JOIN stages f ON f.id = m.from_stage_id
        WHERE m.opportunity_id = @OpportunityId AND m.move_number > @AfterMoveNumber
        ORDER BY m.move_number
        {limit}
        """);

    public static readonly Sql ListOwnerChanges = new($"""
        SELECT id AS Id, opportunity_id AS OpportunityId, from_owner_id AS FromOwnerId, to_owner_id AS ToOwnerId,
               occurred_at AS OccurredAt, changed_by AS ChangedBy
        FROM owner_changes
        WHERE opportunity_id = @OpportunityId
          AND {Keyset.Ascending("occurred_at", "id")}
        ORDER BY occurred_at, id
        {"{limit}"}
        """);

    public async Task<OpportunityRecord?> FindAsync(Guid id, bool includeDeleted, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<OpportunityRow>(Find, new { Id = id, IncludeDeleted = includeDeleted ? 1 : 0 }, cancellationToken))?.ToRecord();

    public async Task<OpportunityRecord?> FindByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<OpportunityRow>(FindByExternalId, new { Source = externalSource, ExternalId = externalId }, cancellationToken))?.ToRecord();

    public async Task<bool> InsertAsync(NewOpportunity opportunity, StageMoveRecord creation, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(async write =>
            {
                await write.ExecuteAsync(Insert, opportunity);
                await write.ExecuteAsync(AppendMove, creation);
                return true;
            }, cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (opportunity.ExternalId is not null && Connections.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<bool> UpdateAsync(Guid id, OpportunityChanges changes, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Update, new
        {
            Id = id,
            changes.Name,
            changes.Amount,
            changes.ExpectedCloseDate,
            changes.PrimaryContactId,
            changes.Competitor,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public Task<bool> MoveStageAsync(StageMoveRecord move, DealClose? close, string? competitor, int expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var applied = await write.ExecuteAsync(ApplyMove, new
            {
                move.OpportunityId,
                move.ToStageId,
                move.OccurredAt,
                ClosedAt = close?.ClosedAt,
                Outcome = close?.Outcome.ToName(),
                close?.LostReasonId,
                Competitor = competitor,
                ExpectedVersion = expectedVersion,
            });
            if (applied != 1)
            {
                return false;
            }

            await write.ExecuteAsync(AppendMove, move);
            return true;
        }, cancellationToken);

    public Task<bool> ReassignAsync(OwnerChangeRecord change, int expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.ExecuteAsync(SetOwner, new { change.OpportunityId, change.ToOwnerId, ExpectedVersion = expectedVersion }) != 1)
            {
                return false;
            }

            await write.ExecuteAsync(InsertOwnerChange, change);
            return true;
        }, cancellationToken);

    public async Task<DateTimeOffset?> LatestOwnerChangeAsync(Guid opportunityId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<LatestRow>(LatestOwnerChange, new { OpportunityId = opportunityId }, cancellationToken))?.At;

    public Task SetDeletedAsync(Guid id, DateTimeOffset? deletedAt, Guid? deletedBy, CancellationToken cancellationToken) =>
        ExecuteAsync(SetDeleted, new { Id = id, DeletedAt = deletedAt, DeletedBy = deletedBy }, cancellationToken);

    public async Task<Page<OpportunityDto>> ListAsync(OpportunityListFilter filter, OwnerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(ScopeSql.Parameters(scope));
        parameters.AddDynamicParams(new
        {
            filter.OwnerId,
            filter.TeamId,
            filter.PipelineId,
            filter.StageId,
            Status = filter.Status?.ToString().ToLowerInvariant(),
            filter.AccountId,
            filter.CreatedFrom,
            filter.CreatedTo,
            CloseFrom = filter.ExpectedCloseFrom,
            CloseTo = filter.ExpectedCloseTo,
            AfterId = filter.After?.Id,
            AfterCreatedAt = filter.After?.CreatedAt,
            AfterAmount = filter.After?.Amount,
            AfterCloseDate = filter.After?.CloseDate,
            NoCloseDate = OpportunityCursor.NoCloseDate,
            Limit = filter.Limit + 1,
        });
        var sql = filter.Sort switch
        {
            OpportunitySort.Amount => ListByAmount,
            OpportunitySort.Closing => ListByCloseDate,
            _ => ListNewest,
        };
        var rows = await QueryAsync<OpportunityRow>(sql, parameters, cancellationToken);
        var items = rows.Take(filter.Limit).Select(r => r.ToRecord().Opportunity).ToList();
        var next = rows.Count > filter.Limit ? OpportunityCursor.Encode(items[^1], filter.Sort) : null;
        return new Page<OpportunityDto>(items, next);
    }

    public async Task<IReadOnlyList<StageMoveRow>> ListStageMovesAsync(Guid opportunityId, int afterMoveNumber, int limit, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<MoveRow>(ListMoves, new { OpportunityId = opportunityId, AfterMoveNumber = afterMoveNumber, Limit = limit }, cancellationToken))
            .Select(r => r.ToRow())];

    public async Task<Page<OwnerChangeDto>> ListOwnerChangesAsync(Guid opportunityId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        DateTimeOffset? afterAt = null;
        Guid? afterId = null;
        if (KeysetCursor.Decode(cursor) is var (key, id))
        {
            afterAt = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : throw RequestValidationException.For("cursor", "The cursor is not one this list issued.");
            afterId = id;
        }

        var rows = await QueryAsync<OwnerChangeRow>(
            ListOwnerChanges, new { OpportunityId = opportunityId, AfterAt = afterAt, AfterId = afterId, Limit = limit + 1 }, cancellationToken);
        var items = rows.Take(limit).Select(r => r.ToDto()).ToList();
        var next = rows.Count > limit
            ? KeysetCursor.Encode(items[^1].OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), items[^1].Id)
            : null;
        return new Page<OwnerChangeDto>(items, next);
    }

    private sealed class OpportunityRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public Guid AccountId { get; init; }

        public Guid? PrimaryContactId { get; init; }

        public Guid OwnerId { get; init; }

        public Guid? OwnerTeamId { get; init; }

        public Guid PipelineId { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public int StageProbability { get; init; }

        public string StageKind { get; init; } = "";

        public decimal Amount { get; init; }

        public DateOnly? ExpectedCloseDate { get; init; }

        public Guid? LeadId { get; init; }

        public string? Competitor { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public Guid CreatedBy { get; init; }

        public DateTimeOffset StageEnteredAt { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public string? Outcome { get; init; }

        public Guid? LostReasonId { get; init; }

        public string? ExternalId { get; init; }

        public string ForecastCategory { get; init; } = "pipeline";

        public DateTimeOffset? DeletedAt { get; init; }

        public int Version { get; init; }

        public OpportunityRecord ToRecord() => new(
            new OpportunityDto(
                Id, Name, AccountId, PrimaryContactId, OwnerId, PipelineId, StageId, StageName, StageProbability, Amount,
                ExpectedCloseDate, LeadId, Competitor, CreatedAt, CreatedBy, StageEnteredAt, ClosedAt,
                Outcome is null ? null : OutcomeNames.Parse(Outcome), LostReasonId, ExternalId,
                EnumNames.Parse<ForecastCategory>(ForecastCategory), Version),
            OwnerTeamId,
            StageKindNames.Parse(StageKind),
            DeletedAt);
    }

    private sealed class MoveRow
    {
        public Guid Id { get; init; }

        public Guid OpportunityId { get; init; }

        public int MoveNumber { get; init; }

        public Guid? FromStageId { get; init; }

        public string? FromStageName { get; init; }

        public Guid ToStageId { get; init; }

        public string ToStageName { get; init; } = "";

        public string ToStageKind { get; init; } = "";

        public DateTimeOffset OccurredAt { get; init; }

        public Guid MovedBy { get; init; }

        public DateTimeOffset RecordedAt { get; init; }

        public Guid? LostReasonId { get; init; }

        public StageMoveRow ToRow() => new(
            Id, OpportunityId, MoveNumber, FromStageId, FromStageName, ToStageId, ToStageName, StageKindNames.Parse(ToStageKind),
            OccurredAt, MovedBy, RecordedAt, LostReasonId);
    }

    private sealed class LatestRow
    {
        public DateTimeOffset? At { get; init; }
    }

    private sealed class OwnerChangeRow
    {
        public Guid Id { get; init; }

        public Guid OpportunityId { get; init; }

        public Guid FromOwnerId { get; init; }

        public Guid ToOwnerId { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public Guid ChangedBy { get; init; }

        public OwnerChangeDto ToDto() => new(Id, OpportunityId, FromOwnerId, ToOwnerId, OccurredAt, ChangedBy);
    }
}
