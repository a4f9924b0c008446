using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.DeleteStage;

/// <summary>
/// An admin deletes a stage created by mistake. Only a stage no opportunity is or ever was in can go (history
/// must keep naming its stages); any other is archived instead. Won and Lost are never deleted.
/// </summary>
public sealed record DeleteStageCommand(Guid PipelineId, Guid StageId) : ICommand;

public sealed class DeleteStageCommandHandler(IPipelineStore pipelines) : ICommandHandler<DeleteStageCommand>
{
    public async ValueTask<Unit> Handle(DeleteStageCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.RequirePipelineAsync(command.PipelineId, cancellationToken);
        var stage = await pipelines.RequireStageAsync(command.PipelineId, command.StageId, cancellationToken);
        if (!PipelineRules.CanRemove(stage.Kind))
        {
            throw new ConflictException($"Every pipeline keeps its {stage.Kind} stage; it cannot be deleted.");
        }

        if (!pipeline.Stages.Any(s => s.Id != stage.Id && s.Kind == StageKind.Open && s.ArchivedAt is null))
        {
            throw new ConflictException("This is the pipeline's last open stage; add another before deleting it.");
        }

        if (!await pipelines.DeleteUnusedStageAsync(stage, cancellationToken))
        {
            throw new ConflictException("Opportunities are or were in this stage, so its history needs it; archive the stage instead.");
        }

        return Unit.Value;
    }
}
