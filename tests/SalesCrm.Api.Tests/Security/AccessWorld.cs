using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Integrations.CreateIntegrationClient;
using SalesCrm.Application.People;

namespace SalesCrm.Api.Tests.Security;

/// <summary>
/// Two teams, each with a manager and a rep, an admin, and integration clients with each scope: the callers the
/// authorization matrix runs every operation as. Records under test belong to <see cref="RepA"/> (team A).
/// </summary>
public sealed class AccessWorld
{
    private readonly Dictionary<string, HttpClient> _callers = new();

    private AccessWorld(ApiFactory factory) => Factory = factory;

    public ApiFactory Factory { get; }

    public TeamDto TeamA { get; private set; } = null!;

    public UserDto RepA { get; private set; } = null!;

    public HttpClient Admin => _callers[Callers.Admin];

    public HttpClient OwnerClient => _callers[Callers.Owner];

    public HttpClient this[string caller] => _callers[caller];

    public static async Task<AccessWorld> CreateAsync(ApiFactory factory)
    {
        var world = new AccessWorld(factory);
        world.TeamA = await factory.TeamAsync();
        var teamB = await factory.TeamAsync();
        (world.RepA, world._callers[Callers.Owner]) = await factory.PersonAsync("rep", world.TeamA.Id);
        (_, world._callers[Callers.TeammateRep]) = await factory.PersonAsync("rep", world.TeamA.Id);
        (_, world._callers[Callers.OtherTeamRep]) = await factory.PersonAsync("rep", teamB.Id);
        (_, world._callers[Callers.Manager]) = await factory.PersonAsync("manager", world.TeamA.Id);
        (_, world._callers[Callers.OtherTeamManager]) = await factory.PersonAsync("manager", teamB.Id);
        world._callers[Callers.Admin] = await factory.AdminClientAsync();
        foreach (var scope in Callers.Scopes)
        {
            world._callers[Callers.Client(scope)] = await world.ClientAsync(scope);
        }

        return world;
    }

    private async Task<HttpClient> ClientAsync(string scope)
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = $"Matrix {scope}", scopes = new[] { scope } }))
            .ReadAsync<IntegrationClientCreated>();
        using var anonymous = Factory.Client();
        var token = await (await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret })).ReadAsync<TokenResponse>();
        return Factory.ClientWithToken(token.AccessToken);
    }
}

/// <summary>The callers of the matrix: the record's owner, their teammate, their manager, the other team, an admin, and integrations by scope.</summary>
public static class Callers
{
    public const string Owner = "rep (owner)";
    public const string TeammateRep = "rep (same team)";
    public const string OtherTeamRep = "rep (other team)";
    public const string Manager = "manager (owner's team)";
    public const string OtherTeamManager = "manager (other team)";
    public const string Admin = "admin";

    public static readonly string[] Scopes = ["activities:write", "opportunities:write", "metrics:read", "directory:read"];

    public static readonly string[] People = [Owner, TeammateRep, OtherTeamRep, Manager, OtherTeamManager, Admin];

    public static IEnumerable<string> All => People.Concat(Scopes.Select(Client));

    public static string Client(string scope) => $"integration ({scope})";
}
