using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Surveys.CreateSurvey;

/// <summary>Asks the organisation (no <c>teamId</c>) or one team an eNPS question, open from opensOn to closesOn (organisation dates, both included).</summary>
public sealed record CreateSurveyCommand(string Question, DateOnly OpensOn, DateOnly ClosesOn, Guid? TeamId = null) : ICommand<SurveyDto>;

public sealed class CreateSurveyCommandHandler(SurveyAccess access, ISurveyStore surveys, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<CreateSurveyCommand, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(CreateSurveyCommand command, CancellationToken cancellationToken)
    {
        await access.AudienceToAskAsync(command.TeamId, cancellationToken);
        if (command.ClosesOn < await access.TodayAsync(cancellationToken))
        {
            throw RequestValidationException.For("closesOn", "closesOn must not be in the past: nobody could answer the survey.");
        }

        var survey = new SurveyDto(Ids.New(), command.Question.Trim(), command.TeamId, command.OpensOn, command.ClosesOn, clock.Now());
        await surveys.InsertAsync(survey, caller.Id, cancellationToken);
        return survey;
    }
}
