using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.LostReasons.ArchiveLostReason;

/// <summary>An admin retires a lost reason: deals already lost for it keep it, new Lost moves cannot choose it.</summary>
public sealed record ArchiveLostReasonCommand(Guid Id) : ICommand<LostReasonDto>;

public sealed class ArchiveLostReasonCommandHandler(ILostReasonStore reasons, TimeProvider clock)
    : ICommandHandler<ArchiveLostReasonCommand, LostReasonDto>
{
    public async ValueTask<LostReasonDto> Handle(ArchiveLostReasonCommand command, CancellationToken cancellationToken)
    {
        var reason = await reasons.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("lost reason");
        if (reason.ArchivedAt is not null)
        {
            return reason;
        }

        await reasons.ArchiveAsync(reason.Id, clock.Now(), cancellationToken);
        return (await reasons.FindAsync(command.Id, cancellationToken))!;
    }
}
