using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Integrations.RevokeIntegrationClient;

/// <summary>Revoking stops new tokens at once and rejects the client's unexpired tokens on their next request.</summary>
public sealed record RevokeIntegrationClientCommand(Guid Id) : ICommand;

public sealed class RevokeIntegrationClientCommandHandler(
    IIntegrationClientStore clients, People.IAccessCache accessCache, TimeProvider clock)
    : ICommandHandler<RevokeIntegrationClientCommand>
{
    public async ValueTask<Unit> Handle(RevokeIntegrationClientCommand command, CancellationToken cancellationToken)
    {
        _ = await clients.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("integration client");
        await clients.RevokeAsync(command.Id, clock.GetUtcNow(), cancellationToken);
        accessCache.Invalidate(command.Id);
        return Unit.Value;
    }
}
