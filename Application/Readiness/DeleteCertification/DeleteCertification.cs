using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Readiness.DeleteCertification;

/// <summary>An admin deletes a certification no assessment names yet; once used it can only be archived (409).</summary>
public sealed record DeleteCertificationCommand(Guid Id) : ICommand;

public sealed class DeleteCertificationCommandHandler(ICertificationStore certifications) : ICommandHandler<DeleteCertificationCommand>
{
    public async ValueTask<Unit> Handle(DeleteCertificationCommand command, CancellationToken cancellationToken)
    {
        _ = await certifications.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("certification");
        return await certifications.DeleteUnusedAsync(command.Id, cancellationToken)
            ? Unit.Value
            : throw new ConflictException("Assessments name this certification: archive it instead.", "id");
    }
}
