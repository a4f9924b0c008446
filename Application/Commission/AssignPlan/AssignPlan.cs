using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Organisations;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Commission.AssignPlan;

/// <summary>Puts a rep on a plan from a month's 1st until their next assignment; earlier assignments stay as history.</summary>
public sealed record AssignPlanCommand(Guid UserId, Guid PlanId, DateOnly EffectiveFrom) : ICommand<CommissionAssignmentDto>;

public sealed class AssignPlanCommandHandler(
    CommissionAccess access, OrganisationCalendar calendar, ICommissionStore store, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<AssignPlanCommand, CommissionAssignmentDto>
{
    public async ValueTask<CommissionAssignmentDto> Handle(AssignPlanCommand command, CancellationToken cancellationToken)
    {
        await access.RepToAssignAsync(command.UserId, cancellationToken);
        access.EnsureMayStartOn(command.EffectiveFrom, await calendar.TodayAsync(cancellationToken));
        if (await store.FindPlanAsync(command.PlanId, cancellationToken) is null)
        {
            throw RequestValidationException.For("planId", "No commission plan has this id.");
        }

        var assignment = new CommissionAssignmentDto(Ids.New(), command.UserId, command.PlanId, command.EffectiveFrom, clock.Now(), caller.Id);
        await store.InsertAssignmentAsync(assignment, cancellationToken);
        return assignment;
    }
}

public sealed class AssignPlanCommandValidator : AbstractValidator<AssignPlanCommand>
{
    public AssignPlanCommandValidator() =>
        RuleFor(x => x.EffectiveFrom).Must(d => d.Day == 1 && d.Year is >= 1970 and < 2100)
            .WithMessage("effectiveFrom must be the first day of a month (1970–2099).");
}
