using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Pipelines;
using SalesCrm.Domain.Pipelines;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Pipelines;

public sealed class PipelineStore(IDbConnectionFactory connections) : SqlStore(connections), IPipelineStore
{
    private const string PipelineColumns =
        "id AS Id, name AS Name, is_default AS IsDefault, created_at AS CreatedAt, version AS Version";

    private const string StageColumns =
        "id AS Id, pipeline_id AS PipelineId, name AS Name, position AS Position, probability AS Probability, "
        + "stale_after_days AS StaleAfterDays, kind AS Kind, archived_at AS ArchivedAt, version AS Version";

    private const string PipelineNameTaken = "A pipeline with this name already exists.";
    private const string StageNameTaken = "This pipeline already has a stage with this name.";

    public static readonly Sql Find = new($"SELECT {PipelineColumns} FROM pipelines WHERE id = @Id");

    public static readonly Sql FindDefault = new($"SELECT {PipelineColumns} FROM pipelines WHERE is_default = 1");

    public static readonly Sql List = new($"""
        SELECT {PipelineColumns} FROM pipelines
        WHERE (@After IS NULL OR id > @After)
        ORDER BY id
        {"{limit}"}
        """);

    public static readonly Sql StagesOf = new($"SELECT {StageColumns} FROM stages WHERE pipeline_id = @PipelineId ORDER BY position, id");

    /// <summary>The stages of one page of pipelines: ids compare the same way the page was ordered, in both dialects.</summary>
    public static readonly Sql StagesBetween = new($"""
        SELECT {StageColumns} FROM stages
        WHERE pipeline_id >= @First AND pipeline_id <= @Last
        ORDER BY position, id
        """);

    public static readonly Sql FindStage = new($"SELECT {StageColumns} FROM stages WHERE id = @Id");

    public static readonly Sql InsertPipeline = new("""
        INSERT INTO pipelines (id, name, is_default, created_at, archived_at, version)
        VALUES (@Id, @Name, @IsDefault, @CreatedAt, NULL, @Version)
        """);

    public static readonly Sql InsertStage = new("""
        INSERT INTO stages (id, pipeline_id, name, position, probability, stale_after_days, kind, archived_at, version)
        VALUES (@Id, @PipelineId, @Name, @Position, @Probability, @StaleAfterDays, @Kind, NULL, @Version)
        """);

    public static readonly Sql Rename = new(
        "UPDATE pipelines SET name = @Name, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion");

    public static readonly Sql SetDefault = new("""
        UPDATE pipelines
        SET is_default = CASE WHEN id = @Id THEN 1 ELSE 0 END, version = version + 1
        WHERE (id = @Id AND is_default = 0) OR (id <> @Id AND is_default = 1)
        """);

    public static readonly Sql BumpPipeline = new("UPDATE pipelines SET version = version + 1 WHERE id = @PipelineId");

    public static readonly Sql BumpPipelineIfCurrent = new(
        "UPDATE pipelines SET version = version + 1 WHERE id = @PipelineId AND version = @ExpectedVersion");

    public static readonly Sql MakeRoomAt = new(
        "UPDATE stages SET position = position + 1 WHERE pipeline_id = @PipelineId AND position >= @Position");

    public static readonly Sql ShiftBetween = new("""
        UPDATE stages SET position = position + @Delta
        WHERE pipeline_id = @PipelineId AND id <> @Id AND position >= @Low AND position <= @High
        """);

    public static readonly Sql UpdateStage = new("""
        UPDATE stages
        SET name = @Name, probability = @Probability, stale_after_days = @StaleAfterDays, position = @Position, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion
        """);

    public static readonly Sql SetPosition = new("UPDATE stages SET position = @Position WHERE id = @Id AND pipeline_id = @PipelineId");

    public static readonly Sql Archive = new(
        "UPDATE stages SET archived_at = @ArchivedAt, version = version + 1 WHERE id = @Id AND archived_at IS NULL");

    public static readonly Sql StageUses = new("""
        SELECT (SELECT COUNT(*) FROM opportunities WHERE stage_id = @Id)
             + (SELECT COUNT(*) FROM stage_moves WHERE to_stage_id = @Id OR from_stage_id = @Id)
        """);

    public static readonly Sql DeleteStage = new("DELETE FROM stages WHERE id = @Id");

    public static readonly Sql CloseGapAfter = new(
        "UPDATE stages SET position = position - 1 WHERE pipeline_id = @PipelineId AND position > @Position");

    public async Task<PipelineDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await WithStagesAsync(await QuerySingleOrDefaultAsync<PipelineRow>(Find, new { Id = id }, cancellationToken), cancellationToken);

    public async Task<PipelineDto?> FindDefaultAsync(CancellationToken cancellationToken) =>
        await WithStagesAsync(await QuerySingleOrDefaultAsync<PipelineRow>(FindDefault, null, cancellationToken), cancellationToken);

    public async Task<Page<PipelineDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<PipelineRow>(List, new { After = after, Limit = limit + 1 }, cancellationToken);
        var page = rows.Take(limit).ToList();
        var stages = page.Count == 0
            ? []
            : await QueryAsync<StageRow>(StagesBetween, new { First = page[0].Id, Last = page[^1].Id }, cancellationToken);
        var byPipeline = stages.ToLookup(s => s.PipelineId, s => s.ToDto());
        return PageBuilder.From(rows, limit, p => p.Id, p => p.ToDto([.. byPipeline[p.Id]]));
    }

    public Task InsertAsync(PipelineDto pipeline, CancellationToken cancellationToken) =>
        UniqueAsync(PipelineNameTaken, () => WriteAsync(async write =>
        {
            await write.ExecuteAsync(InsertPipeline, new { pipeline.Id, pipeline.Name, pipeline.IsDefault, pipeline.CreatedAt, pipeline.Version });
            foreach (var stage in pipeline.Stages)
            {
                await write.ExecuteAsync(InsertStage, StageParameters(stage));
            }

            return true;
        }, cancellationToken));

    public async Task<bool> RenameAsync(Guid id, string name, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteUniqueAsync(Rename, new { Id = id, Name = name, ExpectedVersion = expectedVersion }, "name", PipelineNameTaken, cancellationToken) == 1;

    public Task SetDefaultAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync(SetDefault, new { Id = id }, cancellationToken);

    public async Task<StageDto?> FindStageAsync(Guid stageId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<StageRow>(FindStage, new { Id = stageId }, cancellationToken))?.ToDto();

    public Task InsertStageAsync(StageDto stage, CancellationToken cancellationToken) =>
        UniqueAsync(StageNameTaken, () => WriteAsync(async write =>
        {
            await write.ExecuteAsync(MakeRoomAt, new { stage.PipelineId, stage.Position });
            await write.ExecuteAsync(InsertStage, StageParameters(stage));
            await write.ExecuteAsync(BumpPipeline, new { stage.PipelineId });
            return true;
        }, cancellationToken));

    public Task<bool> UpdateStageAsync(StageDto stage, int oldPosition, int expectedVersion, CancellationToken cancellationToken) =>
        UniqueAsync(StageNameTaken, () => WriteAsync(async write =>
        {
            var parameters = new
            {
                stage.Id,
                stage.PipelineId,
                stage.Name,
                stage.Probability,
                stage.StaleAfterDays,
                stage.Position,
                stage.Version,
                ExpectedVersion = expectedVersion,
            };
            if (await write.ExecuteAsync(UpdateStage, parameters) != 1)
            {
                return false;
            }

            if (stage.Position != oldPosition)
            {
                await write.ExecuteAsync(ShiftBetween, new
                {
                    stage.Id,
                    stage.PipelineId,
                    Delta = stage.Position < oldPosition ? 1 : -1,
                    Low = Math.Min(stage.Position, oldPosition),
                    High = Math.Max(stage.Position, oldPosition),
                });
            }

            await write.ExecuteAsync(BumpPipeline, new { stage.PipelineId });
            return true;
        }, cancellationToken));

    public Task<bool> ReorderAsync(Guid pipelineId, IReadOnlyList<Guid> stageIds, int expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.ExecuteAsync(BumpPipelineIfCurrent, new { PipelineId = pipelineId, ExpectedVersion = expectedVersion }) != 1)
            {
                return false;
            }

            for (var i = 0; i < stageIds.Count; i++)
            {
                await write.ExecuteAsync(SetPosition, new { Id = stageIds[i], PipelineId = pipelineId, Position = i + 1 });
            }

            return true;
        }, cancellationToken);

    public Task ArchiveStageAsync(Guid stageId, Guid pipelineId, DateTimeOffset archivedAt, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.ExecuteAsync(Archive, new { Id = stageId, ArchivedAt = archivedAt }) == 1)
            {
                await write.ExecuteAsync(BumpPipeline, new { PipelineId = pipelineId });
            }

            return true;
        }, cancellationToken);

    public Task<bool> DeleteUnusedStageAsync(StageDto stage, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            if (await write.ScalarAsync<long>(StageUses, new { stage.Id }) > 0)
            {
                return false;
            }

            await write.ExecuteAsync(DeleteStage, new { stage.Id });
            await write.ExecuteAsync(CloseGapAfter, new { stage.PipelineId, stage.Position });
            await write.ExecuteAsync(BumpPipeline, new { stage.PipelineId });
            return true;
        }, cancellationToken);

    private async Task<PipelineDto?> WithStagesAsync(PipelineRow? row, CancellationToken cancellationToken)
    {
        if (row is null)
        {
            return null;
        }

        var stages = await QueryAsync<StageRow>(StagesOf, new { PipelineId = row.Id }, cancellationToken);
        return row.ToDto([.. stages.Select(s => s.ToDto())]);
    }

    private async Task<T> UniqueAsync<T>(string message, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (System.Data.Common.DbException ex) when (Connections.IsUniqueViolation(ex))
        {
            throw new ConflictException(message, "name");
        }
    }

    private static object StageParameters(StageDto stage) => new
    {
        stage.Id,
        stage.PipelineId,
        stage.Name,
        stage.Position,
        stage.Probability,
        stage.StaleAfterDays,
        Kind = stage.Kind.ToName(),
        stage.Version,
    };

    private sealed class PipelineRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public bool IsDefault { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Version { get; init; }

        public PipelineDto ToDto(IReadOnlyList<StageDto> stages) => new(Id, Name, IsDefault, CreatedAt, stages, Version);
    }

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public Guid PipelineId { get; init; }

        public string Name { get; init; } = "";

        public int Position { get; init; }

        public int Probability { get; init; }

        public int? StaleAfterDays { get; init; }

        public string Kind { get; init; } = "";

        public DateTimeOffset? ArchivedAt { get; init; }

        public int Version { get; init; }

        public StageDto ToDto() => new(Id, PipelineId, Name, Position, Probability, StaleAfterDays, StageKindNames.Parse(Kind), ArchivedAt, Version);
    }
}
