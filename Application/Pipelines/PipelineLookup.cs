using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Pipelines;

/// <summary>Finds the pipeline or stage a route names; unknown ones, or a stage of another pipeline, answer 404.</summary>
public static class PipelineLookup
{
    public static async Task<PipelineDto> RequirePipelineAsync(this IPipelineStore pipelines, Guid id, CancellationToken cancellationToken) =>
        await pipelines.FindAsync(id, cancellationToken) ?? throw new NotFoundException("pipeline");

    public static async Task<StageDto> RequireStageAsync(
        this IPipelineStore pipelines, Guid pipelineId, Guid stageId, CancellationToken cancellationToken) =>
        await pipelines.FindStageAsync(stageId, cancellationToken) is { } stage && stage.PipelineId == pipelineId
            ? stage
            : throw new NotFoundException("stage");
}
