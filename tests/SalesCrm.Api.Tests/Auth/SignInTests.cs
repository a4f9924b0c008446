using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Me.GetMe;

namespace SalesCrm.Api.Tests.Auth;

public sealed class SignInTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_first_admin_from_configuration_signs_in_and_reads_me()
    {
        var token = await factory.SignInAsync(ApiFactory.AdminEmail, ApiFactory.AdminPassword);

        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(900, token.ExpiresIn);
        Assert.False(string.IsNullOrEmpty(token.RefreshToken));
        using var client = factory.ClientWithToken(token.AccessToken);
        var me = await (await client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        Assert.Equal(ApiFactory.AdminEmail, me.Email);
        Assert.Equal(Domain.People.Role.Admin, me.Role);
    }

    [Fact]
    public async Task Email_is_matched_case_insensitively()
    {
        var token = await factory.SignInAsync(ApiFactory.AdminEmail.ToUpperInvariant(), ApiFactory.AdminPassword);
        Assert.NotEmpty(token.AccessToken);
    }

    [Fact]
    public async Task A_wrong_password_is_401_problem_without_saying_which_part_was_wrong()
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { grantType = "password", email = "nobody-" + Guid.NewGuid() + "@tests.example.com", password = "wrong-password-1" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("urn:salescrm:problem:invalid-credentials", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_email_with_429_and_Retry_After_even_for_the_right_password()
    {
        var (user, _) = await factory.PersonAsync("rep");
        using var client = factory.Client();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", email = user.Email, password = "not-the-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", email = user.Email, password = "Person-Password-1" });

        await locked.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(locked.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 300);
    }

    [Fact]
    public async Task A_grant_without_its_fields_is_400_naming_them()
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["email", "password"], problem.ErrorFields().Order());
    }

    [Fact]
    public async Task An_unknown_grant_type_is_400_naming_grantType()
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "magic" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["grantType"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_and_their_token_stops_working()
    {
        var (user, client) = await factory.PersonAsync("rep");
        using var admin = await factory.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{user.Id}/deactivate", null)).StatusCode);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = factory.Client();
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", email = user.Email, password = "Person-Password-1" });
        await signIn.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one_and_ends_other_sessions()
    {
        var (user, client) = await factory.PersonAsync("rep");
        var session = await factory.SignInAsync(user.Email, "Person-Password-1");

        var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "nope-nope-nope", newPassword = "Another-Password-2" });
        Assert.Equal(["currentPassword"], (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var changed = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Person-Password-1", newPassword = "Another-Password-2" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var anonymous = factory.Client();
        var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = session.RefreshToken });
        await refresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.NotEmpty((await factory.SignInAsync(user.Email, "Another-Password-2")).AccessToken);
    }
}
