using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Pipelines;

/// <summary>
/// Pipelines and their stages. Every change to a pipeline's stages also raises the pipeline's version, so the
/// pipeline's ETag guards the stage list as a whole (reordering) while each stage's ETag guards the stage.
/// </summary>
public interface IPipelineStore
{
    Task<PipelineDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<PipelineDto?> FindDefaultAsync(CancellationToken cancellationToken);

    Task<Page<PipelineDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken);

    /// <summary>Inserts the pipeline with its stages; a taken name is a 409 on <c>name</c>.</summary>
    Task InsertAsync(PipelineDto pipeline, CancellationToken cancellationToken);

    Task<bool> RenameAsync(Guid id, string name, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Makes this pipeline the one new opportunities go to when they name none.</summary>
    Task SetDefaultAsync(Guid id, CancellationToken cancellationToken);

    Task<StageDto?> FindStageAsync(Guid stageId, CancellationToken cancellationToken);

    /// <summary>Inserts the stage at its position, moving the stages at and after it down one place.</summary>
    Task InsertStageAsync(StageDto stage, CancellationToken cancellationToken);

    /// <summary>Writes name, probability, stale limit and position (moving the stages in between) when the stage's version matches.</summary>
    Task<bool> UpdateStageAsync(StageDto stage, int oldPosition, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>Numbers the stages 1..n in the given order when the pipeline's version matches.</summary>
    Task<bool> ReorderAsync(Guid pipelineId, IReadOnlyList<Guid> stageIds, int expectedVersion, CancellationToken cancellationToken);

    Task ArchiveStageAsync(Guid stageId, Guid pipelineId, DateTimeOffset archivedAt, CancellationToken cancellationToken);

    /// <summary>Deletes a stage no opportunity is or ever was in; false (nothing deleted) when one is or was.</summary>
    Task<bool> DeleteUnusedStageAsync(StageDto stage, CancellationToken cancellationToken);
}
