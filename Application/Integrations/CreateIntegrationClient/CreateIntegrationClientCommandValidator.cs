using FluentValidation;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Integrations.CreateIntegrationClient;

public sealed class CreateIntegrationClientCommandValidator : AbstractValidator<CreateIntegrationClientCommand>
{
    public CreateIntegrationClientCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("Grant at least one scope.");
        RuleForEach(x => x.Scopes)
            .Must(IntegrationScopes.IsKnown)
            .WithMessage($"Unknown scope. Known scopes: {string.Join(", ", IntegrationScopes.All)}.");
    }
}
