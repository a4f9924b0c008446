using FluentValidation;
using SalesCrm.Domain.LeadScoring;

namespace SalesCrm.Application.LeadScoring.UpdateScoringSettings;

public sealed class UpdateScoringSettingsCommandValidator : AbstractValidator<UpdateScoringSettingsCommand>
{
    public UpdateScoringSettingsCommandValidator()
    {
        RuleFor(x => x.Threshold).InclusiveBetween(LeadScoringLimits.MinThreshold, LeadScoringLimits.MaxThreshold)
            .WithMessage($"threshold must be a whole number from {LeadScoringLimits.MinThreshold} to {LeadScoringLimits.MaxThreshold}.");
        RuleFor(x => x.Assignment).IsInEnum();
        RuleFor(x => x.TeamId).NotNull().When(x => x.Assignment == LeadAssignmentRule.RoundRobin)
            .WithMessage("round_robin assignment needs the teamId whose reps take turns.");
        RuleFor(x => x.UserId).NotNull().When(x => x.Assignment == LeadAssignmentRule.Owner)
            .WithMessage("owner assignment needs the userId who gets every sales-qualified lead.");
    }
}
