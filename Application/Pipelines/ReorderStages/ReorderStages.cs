using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Pipelines.ReorderStages;

/// <summary>
/// An admin sets the board order of a pipeline's stages in one go: the list names every stage of the pipeline
/// (archived ones too) exactly once. Guarded by the pipeline's version.
/// </summary>
public sealed record ReorderStagesCommand(Guid PipelineId, int? ExpectedVersion, IReadOnlyList<Guid> StageIds) : ICommand<PipelineDto>;

public sealed class ReorderStagesCommandHandler(IPipelineStore pipelines) : ICommandHandler<ReorderStagesCommand, PipelineDto>
{
    public async ValueTask<PipelineDto> Handle(ReorderStagesCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var pipeline = await pipelines.RequirePipelineAsync(command.PipelineId, cancellationToken);
        if (pipeline.Version != expectedVersion)
        {
            Versions.EnsureWritten(false);
        }

        if (!pipeline.Stages.Select(s => s.Id).Order().SequenceEqual(command.StageIds.Order()))
        {
            throw RequestValidationException.For("stageIds", "List every stage of the pipeline (archived ones too) exactly once.");
        }

        Versions.EnsureWritten(await pipelines.ReorderAsync(pipeline.Id, command.StageIds, expectedVersion, cancellationToken));
        return await pipelines.RequirePipelineAsync(pipeline.Id, cancellationToken);
    }
}

public sealed class ReorderStagesCommandValidator : AbstractValidator<ReorderStagesCommand>
{
    public ReorderStagesCommandValidator() =>
        RuleFor(x => x.StageIds).Must(ids => ids.Count <= Domain.Pipelines.PipelineRules.MaxStages)
            .WithMessage($"A pipeline has at most {Domain.Pipelines.PipelineRules.MaxStages} stages.");
}
