using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Surveys;

namespace SalesCrm.Application.Surveys.AnswerSurvey;

/// <summary>
/// One person's anonymous answer: that they answered is kept apart from the score, which carries neither their id nor a
/// time. Nothing identifying comes back.
/// </summary>
public sealed record AnswerSurveyCommand(Guid SurveyId, int Score) : ICommand<Unit>;

public sealed class AnswerSurveyCommandHandler(SurveyAccess access, ISurveyStore surveys, ICurrentUser caller)
    : ICommandHandler<AnswerSurveyCommand, Unit>
{
    public async ValueTask<Unit> Handle(AnswerSurveyCommand command, CancellationToken cancellationToken)
    {
        var survey = await access.SurveyToAnswerAsync(command.SurveyId, cancellationToken);
        if (!SurveyWindow.IsOpen(survey.OpensOn, survey.ClosesOn, await access.TodayAsync(cancellationToken)))
        {
            throw RequestValidationException.For("survey", $"This survey takes answers from {survey.OpensOn:yyyy-MM-dd} to {survey.ClosesOn:yyyy-MM-dd}.");
        }

        await surveys.AnswerAsync(survey.Id, caller.Id, command.Score, cancellationToken);
        return Unit.Value;
    }
}

public sealed class AnswerSurveyCommandValidator : AbstractValidator<AnswerSurveyCommand>
{
    public AnswerSurveyCommandValidator() =>
        RuleFor(x => x.Score).InclusiveBetween(SurveyScores.Lowest, SurveyScores.Highest)
            .WithMessage($"score must be a whole number from {SurveyScores.Lowest} to {SurveyScores.Highest}.");
}
