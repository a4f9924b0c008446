using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.AddStage;

/// <summary>
/// An admin adds an open stage to a pipeline (Won and Lost exist once per pipeline already). Without a position it
/// goes after the last open stage; with one, the stages from that position on move down one place.
/// </summary>
public sealed record AddStageCommand(Guid PipelineId, string Name, int Probability, int? StaleAfterDays = null, int? Position = null)
    : ICommand<StageDto>;

public sealed class AddStageCommandHandler(IPipelineStore pipelines) : ICommandHandler<AddStageCommand, StageDto>
{
    public async ValueTask<StageDto> Handle(AddStageCommand command, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.RequirePipelineAsync(command.PipelineId, cancellationToken);
        if (pipeline.Stages.Count >= PipelineRules.MaxStages)
        {
            throw new ConflictException($"A pipeline has at most {PipelineRules.MaxStages} stages; archive or delete one first.");
        }

        if (command.Position is { } requested && requested > pipeline.Stages.Count + 1)
        {
            throw RequestValidationException.For("position", $"position must be between 1 and {pipeline.Stages.Count + 1}.");
        }

        var position = command.Position
            ?? pipeline.Stages.Where(s => s.Kind == StageKind.Open).Select(s => s.Position + 1).DefaultIfEmpty(1).Max();
        var stage = new StageDto(
            Ids.New(), pipeline.Id, command.Name.Trim(), position, command.Probability, command.StaleAfterDays, StageKind.Open, null, 1);
        await pipelines.InsertStageAsync(stage, cancellationToken);
        return stage;
    }
}

public sealed class AddStageCommandValidator : AbstractValidator<AddStageCommand>
{
    public AddStageCommandValidator()
    {
        RuleFor(x => x.Name).PipelineName();
        RuleFor(x => x.Probability).Probability();
        RuleFor(x => x.StaleAfterDays).StaleAfterDays();
        RuleFor(x => x.Position).GreaterThanOrEqualTo(1);
    }
}
