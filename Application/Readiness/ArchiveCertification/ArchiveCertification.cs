using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Readiness.ArchiveCertification;

/// <summary>
/// An admin retires a certification: it no longer counts towards readiness or expiries and new assessments cannot name
/// it; the assessments that did keep it. Archiving an archived certification changes nothing.
/// </summary>
public sealed record ArchiveCertificationCommand(Guid Id) : ICommand<CertificationDto>;

public sealed class ArchiveCertificationCommandHandler(ICertificationStore certifications, TimeProvider clock)
    : ICommandHandler<ArchiveCertificationCommand, CertificationDto>
{
    public async ValueTask<CertificationDto> Handle(ArchiveCertificationCommand command, CancellationToken cancellationToken)
    {
        var certification = await certifications.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("certification");
        if (certification.ArchivedAt is not null)
        {
            return certification;
        }

        await certifications.ArchiveAsync(certification.Id, clock.Now(), cancellationToken);
        return (await certifications.FindAsync(command.Id, cancellationToken))!;
    }
}
