using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Me.GetMe;

namespace SalesCrm.Api.Tests.Auth;

/// <summary>With Auth:External configured, tokens of that OpenID Connect issuer sign in people SalesCrm already knows by email.</summary>
public sealed class ExternalAuthorityTests(ExternalAuthorityTests.ExternalIdpFactory factory)
    : IClassFixture<ExternalAuthorityTests.ExternalIdpFactory>
{
    private const string Issuer = "https://idp.tests.example.com";
    private const string Audience = "salescrm-external";
    private static readonly RsaSecurityKey IdpKey = new(RSA.Create(2048)) { KeyId = "idp-key" };

    [Fact]
    public async Task A_token_of_the_trusted_issuer_signs_in_the_person_with_that_email()
    {
        using var client = factory.ClientWithToken(IdpToken(ApiFactory.AdminEmail));

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiFactory.AdminEmail, (await response.ReadAsync<MeResponse>()).Email);
    }

    [Fact]
    public async Task An_unknown_email_is_401()
    {
        using var client = factory.ClientWithToken(IdpToken("stranger@tests.example.com"));

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        using var client = factory.ClientWithToken(IdpToken(ApiFactory.AdminEmail, audience: "someone-else"));

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SalesCrm_own_tokens_still_work_beside_the_external_issuer()
    {
        using var client = await factory.AdminClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static string IdpToken(string email, string audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", "idp-user-1"), new Claim("email", email)]),
            SigningCredentials = new SigningCredentials(IdpKey, SecurityAlgorithms.RsaSha256),
        });

    public sealed class ExternalIdpFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:External:Authority", Issuer);
            builder.UseSetting("Auth:External:Audience", Audience);
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            // The test issuer has no metadata endpoint: hand the handler its configuration directly.
            services.PostConfigure<JwtBearerOptions>("External", options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(IdpKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            });
    }
}
