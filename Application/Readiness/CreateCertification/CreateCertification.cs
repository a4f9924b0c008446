using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Readiness.CreateCertification;

/// <summary>An admin adds a certification: required or not, valid for some months after a pass or for good (null).</summary>
public sealed record CreateCertificationCommand(string Name, bool Required, int? ValidityMonths = null) : ICommand<CertificationDto>;

public sealed class CreateCertificationCommandHandler(ICertificationStore certifications, TimeProvider clock)
    : ICommandHandler<CreateCertificationCommand, CertificationDto>
{
    public async ValueTask<CertificationDto> Handle(CreateCertificationCommand command, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var certification = new CertificationDto(Ids.New(), command.Name.Trim(), command.Required, command.ValidityMonths, now, now, null, 1);
        await certifications.InsertAsync(certification, cancellationToken);
        return certification;
    }
}

public sealed class CreateCertificationCommandValidator : AbstractValidator<CreateCertificationCommand>
{
    public CreateCertificationCommandValidator()
    {
        RuleFor(x => x.Name).CertificationName();
        RuleFor(x => x.ValidityMonths).ValidityMonths();
    }
}
