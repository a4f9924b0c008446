using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Commission;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Commission.CreatePlan;

/// <summary>
/// A commission plan (admins). Plans are not edited: a statement must not change under a past period, so new terms are a
/// new plan assigned from a date.
/// </summary>
public sealed record CreatePlanCommand(string Name, decimal BasePay, decimal Target, decimal Rate, decimal Threshold, CommissionPeriod Period)
    : ICommand<CommissionPlanDto>;

public sealed class CreatePlanCommandHandler(ICommissionStore store, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<CreatePlanCommand, CommissionPlanDto>
{
    public async ValueTask<CommissionPlanDto> Handle(CreatePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = new CommissionPlanDto(
            Ids.New(), command.Name.Trim(), command.BasePay, command.Target, command.Rate, command.Threshold, command.Period, clock.Now());
        await store.InsertPlanAsync(plan, caller.Id, cancellationToken);
        return plan;
    }
}
