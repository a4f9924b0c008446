using FluentValidation;
using SalesCrm.Domain.Surveys;

namespace SalesCrm.Application.Surveys.CreateSurvey;

public sealed class CreateSurveyCommandValidator : AbstractValidator<CreateSurveyCommand>
{
    public CreateSurveyCommandValidator()
    {
        RuleFor(x => x.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("question is required.")
            .MaximumLength(SurveyWindow.MaxQuestionLength);
        RuleFor(x => x.ClosesOn).GreaterThanOrEqualTo(x => x.OpensOn).WithMessage("closesOn must be on or after opensOn.");
        RuleFor(x => x.ClosesOn).Must((command, closes) => closes.DayNumber - command.OpensOn.DayNumber < SurveyWindow.MaxDays)
            .When(x => x.ClosesOn >= x.OpensOn)
            .WithMessage($"A survey is open for at most {SurveyWindow.MaxDays} days.");
    }
}
