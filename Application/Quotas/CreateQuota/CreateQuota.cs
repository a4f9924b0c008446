using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Application.Quotas.CreateQuota;

/// <summary>Sets a rep's quota for a month, quarter or year: a revenue amount or a number of won deals.</summary>
public sealed record CreateQuotaCommand(Guid UserId, QuotaPeriod Period, DateOnly PeriodStart, QuotaKind Kind, decimal Target)
    : ICommand<QuotaDto>;

public sealed class CreateQuotaCommandHandler(QuotaAccess access, IQuotaStore quotas, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<CreateQuotaCommand, QuotaDto>
{
    public async ValueTask<QuotaDto> Handle(CreateQuotaCommand command, CancellationToken cancellationToken)
    {
        await access.RepToManageAsync(command.UserId, cancellationToken);
        var now = clock.Now();
        var quota = new QuotaDto(
            Ids.New(),
            command.UserId,
            command.Period,
            command.PeriodStart,
            QuotaPeriods.EndOf(command.Period, command.PeriodStart),
            command.Kind,
            command.Target,
            now,
            now,
            1);
        await quotas.InsertAsync(quota, caller.Id, cancellationToken);
        return quota;
    }
}
