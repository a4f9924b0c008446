using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Quotas.DeleteQuota;

/// <summary>Removes a quota (soft: its history keeps the deletion), so the period can be set again.</summary>
public sealed record DeleteQuotaCommand(Guid Id) : ICommand;

public sealed class DeleteQuotaCommandHandler(QuotaAccess access, IQuotaStore quotas, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<DeleteQuotaCommand>
{
    public async ValueTask<Unit> Handle(DeleteQuotaCommand command, CancellationToken cancellationToken)
    {
        var quota = await access.QuotaToManageAsync(command.Id, cancellationToken);
        await quotas.DeleteAsync(quota.Id, caller.Id, clock.Now(), cancellationToken);
        return Unit.Value;
    }
}
