using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Auth.CreateToken;
using SalesCrm.Application.Integrations.CreateIntegrationClient;

namespace SalesCrm.Api.Tests.Auth;

public sealed class ClientCredentialsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_client_trades_its_secret_for_a_token_that_carries_its_scopes()
    {
        var created = await CreateClientAsync("directory:read");

        var token = await ClientTokenAsync(created);

        Assert.Null(token.RefreshToken);
        using var client = factory.ClientWithToken(token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_client_without_the_scope_is_refused()
    {
        var created = await CreateClientAsync("metrics:read");
        using var client = factory.ClientWithToken((await ClientTokenAsync(created)).AccessToken);

        await (await client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_never_listed()
    {
        var created = await CreateClientAsync("directory:read");
        using var admin = await factory.AdminClientAsync();

        var list = await (await admin.GetAsync("/api/v1/integration-clients")).Content.ReadAsStringAsync();

        Assert.Contains(created.ClientId, list);
        Assert.DoesNotContain(created.ClientSecret, list);
        Assert.DoesNotContain("secret", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_secret_is_401()
    {
        var created = await CreateClientAsync("directory:read");
        using var anonymous = factory.Client();

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret + "x" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_a_client_stops_its_current_token_and_new_ones()
    {
        var created = await CreateClientAsync("directory:read");
        using var client = factory.ClientWithToken((await ClientTokenAsync(created)).AccessToken);
        using var admin = await factory.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/integration-clients/{created.Id}")).StatusCode);

        await (await client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = factory.Client();
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret });
        await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_scopes_are_refused_naming_the_field()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = "Dialer", scopes = new[] { "everything" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["scopes[0]"], problem.ErrorFields());
    }

    private async Task<IntegrationClientCreated> CreateClientAsync(params string[] scopes)
    {
        using var admin = await factory.AdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/integration-clients", new { name = "Dialer", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<IntegrationClientCreated>();
    }

    private async Task<TokenResponse> ClientTokenAsync(IntegrationClientCreated created)
    {
        using var anonymous = factory.Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "client_credentials", clientId = created.ClientId, clientSecret = created.ClientSecret });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<TokenResponse>();
    }
}
