using System.Security.Cryptography;
using Mediator;
using SalesCrm.Application.Auth;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Domain.Common;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Integrations.CreateIntegrationClient;

/// <summary>An admin registers an integration; its secret is returned in this response only and stored hashed.</summary>
public sealed record CreateIntegrationClientCommand(string Name, IReadOnlyList<string> Scopes)
    : ICommand<IntegrationClientCreated>;

public sealed record IntegrationClientCreated(
    Guid Id,
    string ClientId,
    string ClientSecret,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt);

public sealed class CreateIntegrationClientCommandHandler(
    IIntegrationClientStore clients,
    ISecretGenerator secrets,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<CreateIntegrationClientCommand, IntegrationClientCreated>
{
    public async ValueTask<IntegrationClientCreated> Handle(
        CreateIntegrationClientCommand command, CancellationToken cancellationToken)
    {
        var secret = secrets.NewSecret();
        var client = new IntegrationClientRecord
        {
            Id = Ids.New(),
            ClientId = "scc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Name = command.Name.Trim(),
            SecretHash = secrets.Hash(secret),
            Scopes = command.Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            CreatedAt = clock.Now(),
            CreatedBy = currentUser.Id,
        };
        await clients.InsertAsync(client, cancellationToken);
        return new IntegrationClientCreated(client.Id, client.ClientId, secret, client.Name, client.Scopes, client.CreatedAt);
    }
}
