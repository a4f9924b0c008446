using FluentValidation;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.Application.Pipelines.CreatePipeline;

public sealed class CreatePipelineCommandValidator : AbstractValidator<CreatePipelineCommand>
{
    public CreatePipelineCommandValidator()
    {
        RuleFor(x => x.Name).PipelineName();
        RuleFor(x => x.Stages)
            .Must(s => s.Count is >= 1 and <= PipelineRules.MaxStages - 2)
            .WithMessage($"A pipeline has between 1 and {PipelineRules.MaxStages - 2} stages besides Won and Lost.")
            .Must(s => s.Any(stage => (stage.Kind ?? StageKind.Open) == StageKind.Open))
            .WithMessage("A pipeline needs at least one open stage for new deals to start in.")
            .Must(s => s.Count(stage => stage.Kind == StageKind.Won) <= 1 && s.Count(stage => stage.Kind == StageKind.Lost) <= 1)
            .WithMessage("A pipeline has exactly one Won and one Lost stage.");
        RuleForEach(x => x.Stages).ChildRules(stage =>
        {
            stage.RuleFor(s => s.Name).PipelineName();
            stage.RuleFor(s => s.Kind).IsInEnum();
            stage.RuleFor(s => s.Probability).NotNull().When(s => (s.Kind ?? StageKind.Open) == StageKind.Open)
                .WithMessage("An open stage needs a probability between 0 and 100.");
            stage.RuleFor(s => s.Probability!.Value).Probability().When(s => s.Probability is not null).OverridePropertyName("probability");
            stage.RuleFor(s => s.Probability)
                .Must((s, probability) => probability is null || probability == PipelineRules.FixedProbability(s.Kind ?? StageKind.Open))
                .When(s => s.Kind is StageKind.Won or StageKind.Lost)
                .WithMessage("The Won stage's probability is 100 and the Lost stage's 0.");
            stage.RuleFor(s => s.StaleAfterDays).StaleAfterDays();
        });
    }
}
