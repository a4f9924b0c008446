using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Readiness.UpdateCertification;

/// <summary>An admin renames a certification or changes whether it is required and how long a pass holds it (guarded by its version).</summary>
public sealed record UpdateCertificationCommand(Guid Id, int? ExpectedVersion, string Name, bool Required, int? ValidityMonths)
    : ICommand<CertificationDto>;

public sealed class UpdateCertificationCommandHandler(ICertificationStore certifications, TimeProvider clock)
    : ICommandHandler<UpdateCertificationCommand, CertificationDto>
{
    public async ValueTask<CertificationDto> Handle(UpdateCertificationCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var certification = await certifications.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("certification");
        var updated = certification with
        {
            Name = command.Name.Trim(),
            Required = command.Required,
            ValidityMonths = command.ValidityMonths,
            UpdatedAt = clock.Now(),
            Version = expectedVersion + 1,
        };
        Versions.EnsureWritten(await certifications.UpdateAsync(updated, expectedVersion, cancellationToken));
        return updated;
    }
}

public sealed class UpdateCertificationCommandValidator : AbstractValidator<UpdateCertificationCommand>
{
    public UpdateCertificationCommandValidator()
    {
        RuleFor(x => x.Name).CertificationName();
        RuleFor(x => x.ValidityMonths).ValidityMonths();
    }
}
