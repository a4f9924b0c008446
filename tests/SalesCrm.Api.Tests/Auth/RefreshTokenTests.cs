using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Auth.CreateToken;

namespace SalesCrm.Api.Tests.Auth;

public sealed class RefreshTokenTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_refresh_token_rotates_into_a_new_pair()
    {
        var first = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        var second = await RefreshAsync(first.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var pair = await second.ReadAsync<TokenResponse>();
        Assert.NotEqual(first.RefreshToken, pair.RefreshToken);
        using var client = factory.ClientWithToken(pair.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_refresh_token_revokes_the_whole_family()
    {
        var first = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        var rotated = await (await RefreshAsync(first.RefreshToken!)).ReadAsync<TokenResponse>();

        var replay = await RefreshAsync(first.RefreshToken!);
        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // The legitimate holder's newer token belongs to the same family, so it is dead too.
        await (await RefreshAsync(rotated.RefreshToken!)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Other_sessions_survive_a_replay_in_one_family()
    {
        var mine = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        var other = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        await RefreshAsync(mine.RefreshToken!);
        await RefreshAsync(mine.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(other.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session()
    {
        var session = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        using var client = factory.Client();

        var signOut = await client.PostAsJsonAsync("/api/v1/auth/sign-out", new { refreshToken = session.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        await (await RefreshAsync(session.RefreshToken!)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_401()
    {
        await (await RefreshAsync("not-a-token")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = factory.Client();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken });
    }
}
