using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Surveys;

/// <summary>
/// Who does what with surveys: admins ask and read any audience, a manager their own team; a person answers the
/// surveys of the organisation and of their current team. Anything else answers 404.
/// </summary>
public sealed class SurveyAccess(ICurrentUser caller, IAccessCache access, ITeamStore teams, ISurveyStore surveys, OrganisationCalendar calendar)
{
    public Task<DateOnly> TodayAsync(CancellationToken cancellationToken) => calendar.TodayAsync(cancellationToken);

    /// <summary>The audience a new survey may have: any for admins, only their own team for managers.</summary>
    public async Task AudienceToAskAsync(Guid? teamId, CancellationToken cancellationToken)
    {
        if (teamId is null)
        {
            if (caller.Role != Role.Admin)
            {
                throw new ForbiddenException("Only admins ask the whole organisation; a manager asks their own team (teamId).");
            }

            return;
        }

        var exists = await teams.FindAsync(teamId.Value, cancellationToken) is not null;
        if (!exists || (caller.Role != Role.Admin && teamId != caller.TeamId))
        {
            throw RequestValidationException.For("teamId", "No team with this id is one you may survey.");
        }
    }

    public async Task<SurveyDto> SurveyToReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var survey = await surveys.FindAsync(id, cancellationToken);
        var visible = survey is not null
            && (caller.Role == Role.Admin || (caller.Role == Role.Manager && survey.TeamId is not null && survey.TeamId == caller.TeamId));
        return visible ? survey! : throw new NotFoundException("survey");
    }

    /// <summary>The survey, when the caller is in its audience: the organisation, or the team they are in now.</summary>
    public async Task<SurveyDto> SurveyToAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        var survey = await surveys.FindAsync(id, cancellationToken);
        var inAudience = survey is not null && (survey.TeamId is null || survey.TeamId == await CurrentTeamAsync(cancellationToken));
        return inAudience ? survey! : throw new NotFoundException("survey");
    }

    /// <summary>The caller's team now (read from the store, not the token, so a move between teams takes effect at once).</summary>
    public async Task<Guid?> CurrentTeamAsync(CancellationToken cancellationToken) =>
        (await access.GetUserAsync(caller.Id, cancellationToken))?.TeamId;
}
