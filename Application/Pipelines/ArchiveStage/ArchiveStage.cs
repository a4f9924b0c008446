using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.ArchiveStage;

/// <summary>
/// An admin retires a stage: no deal can enter it any more, deals already in it stay until moved, and its history
/// stays readable. Won and Lost cannot be archived, nor the last open stage new deals could start in.
/// </summary>
public sealed record ArchiveStageCommand(Guid PipelineId, Guid StageId) : ICommand<StageDto>;

public sealed class ArchiveStageCommandHandler(IPipelineStore pipelines, TimeProvider clock) : ICommandHandler<ArchiveStageCommand, StageDto>
{
    public async ValueTask<StageDto> Handle(ArchiveStageCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.RequirePipelineAsync(command.PipelineId, cancellationToken);
        var stage = await pipelines.RequireStageAsync(command.PipelineId, command.StageId, cancellationToken);
        if (stage.ArchivedAt is not null)
        {
            return stage;
        }

        if (!PipelineRules.CanRemove(stage.Kind))
        {
            throw new ConflictException($"Every pipeline keeps its {stage.Kind} stage; it cannot be archived.");
        }

        if (!pipeline.Stages.Any(s => s.Id != stage.Id && s.Kind == StageKind.Open && s.ArchivedAt is null))
        {
            throw new ConflictException("This is the pipeline's last open stage; add another before archiving it.");
        }

        await pipelines.ArchiveStageAsync(stage.Id, pipeline.Id, clock.Now(), cancellationToken);
        return await pipelines.RequireStageAsync(command.PipelineId, command.StageId, cancellationToken);
    }
}
