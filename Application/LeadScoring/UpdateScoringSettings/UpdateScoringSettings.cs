using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.People;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Application.LeadScoring.UpdateScoringSettings;

/// <summary>
/// Sets the threshold and the assignment rule (admins). <c>round_robin</c> needs an existing <c>teamId</c>, <c>owner</c>
/// an active <c>userId</c>; the other id is cleared. A new threshold applies to events recorded from now on.
/// </summary>
public sealed record UpdateScoringSettingsCommand(int? ExpectedVersion, int Threshold, LeadAssignmentRule Assignment, Guid? TeamId, Guid? UserId)
    : ICommand<ScoringSettingsDto>;

public sealed class UpdateScoringSettingsCommandHandler(ILeadScoringStore store, ITeamStore teams, IAccessCache access, TimeProvider clock)
    : ICommandHandler<UpdateScoringSettingsCommand, ScoringSettingsDto>
{
    public async ValueTask<ScoringSettingsDto> Handle(UpdateScoringSettingsCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        if (command.Assignment == LeadAssignmentRule.RoundRobin && await teams.FindAsync(command.TeamId!.Value, cancellationToken) is null)
        {
            throw RequestValidationException.For("teamId", "No team with this id.");
        }

        if (command.Assignment == LeadAssignmentRule.Owner
            && await access.GetUserAsync(command.UserId!.Value, cancellationToken) is not { IsActive: true })
        {
            throw RequestValidationException.For("userId", "No active user with this id.");
        }

        var settings = new ScoringSettingsDto(
            command.Threshold,
            command.Assignment,
            command.Assignment == LeadAssignmentRule.RoundRobin ? command.TeamId : null,
            command.Assignment == LeadAssignmentRule.Owner ? command.UserId : null,
            clock.Now(),
            expectedVersion + 1);
        Versions.EnsureWritten(await store.UpdateSettingsAsync(settings, expectedVersion, cancellationToken));
        return settings;
    }
}
