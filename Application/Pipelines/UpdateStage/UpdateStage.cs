using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.UpdateStage;

/// <summary>
/// An admin sets a stage's name, position, probability and stale limit; guarded by the stage's version. The Won
/// stage stays at 100% and the Lost stage at 0%. Moving a stage shifts the stages between its old and new place.
/// </summary>
public sealed record UpdateStageCommand(
    Guid PipelineId, Guid StageId, int? ExpectedVersion, string Name, int Probability, int Position, int? StaleAfterDays = null)
    : ICommand<StageDto>;

public sealed class UpdateStageCommandHandler(IPipelineStore pipelines) : ICommandHandler<UpdateStageCommand, StageDto>
{
    public async ValueTask<StageDto> Handle(UpdateStageCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var pipeline = await pipelines.RequirePipelineAsync(command.PipelineId, cancellationToken);
        var stage = await pipelines.RequireStageAsync(command.PipelineId, command.StageId, cancellationToken);
        if (stage.Version != expectedVersion)
        {
            Versions.EnsureWritten(false);
        }

        if (PipelineRules.FixedProbability(stage.Kind) is { } fixedProbability && command.Probability != fixedProbability)
        {
            throw RequestValidationException.For("probability", $"The {stage.Kind} stage's probability is always {fixedProbability}.");
        }

        if (command.Position > pipeline.Stages.Count)
        {
            throw RequestValidationException.For("position", $"position must be between 1 and {pipeline.Stages.Count}.");
        }

        var updated = stage with
        {
            Name = command.Name.Trim(),
            Probability = command.Probability,
            Position = command.Position,
            StaleAfterDays = command.StaleAfterDays,
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await pipelines.UpdateStageAsync(updated, stage.Position, expectedVersion, cancellationToken));
        return updated;
    }
}

public sealed class UpdateStageCommandValidator : AbstractValidator<UpdateStageCommand>
{
    public UpdateStageCommandValidator()
    {
        RuleFor(x => x.Name).PipelineName();
        RuleFor(x => x.Probability).Probability();
        RuleFor(x => x.StaleAfterDays).StaleAfterDays();
        RuleFor(x => x.Position).GreaterThanOrEqualTo(1);
    }
}
