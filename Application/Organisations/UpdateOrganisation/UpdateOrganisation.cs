using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Organisations;

namespace SalesCrm.Application.Organisations.UpdateOrganisation;

public sealed record UpdateOrganisationCommand(int? ExpectedVersion, string Name, string TimeZone, string Currency)
    : ICommand<OrganisationDto>;

public sealed class UpdateOrganisationCommandHandler(IOrganisationStore organisation)
    : ICommandHandler<UpdateOrganisationCommand, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(UpdateOrganisationCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var settings = new OrganisationDto(command.Name.Trim(), command.TimeZone, command.Currency, expectedVersion + 1);
        Versions.EnsureWritten(await organisation.UpdateAsync(settings, expectedVersion, cancellationToken));
        return settings;
    }
}

public sealed class UpdateOrganisationCommandValidator : AbstractValidator<UpdateOrganisationCommand>
{
    public UpdateOrganisationCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(OrganisationRules.MaxNameLength);
        RuleFor(x => x.TimeZone).NotEmpty().Must(tz => OrganisationRules.IsIanaTimeZone(tz))
            .WithMessage("timeZone must be an IANA time zone such as Europe/Warsaw.");
        RuleFor(x => x.Currency).NotEmpty().Must(c => OrganisationRules.IsCurrencyCode(c))
            .WithMessage("currency must be an ISO 4217 code such as EUR.");
    }
}
