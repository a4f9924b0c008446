using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;
using SalesCrm.Infrastructure.Auth;

namespace SalesCrm.Api.Common;

public static class AuthSetup
{
    private const string ExternalScheme = "External";
    private const string SelectScheme = "SalesCrmOrExternal";

    /// <summary>
    /// JWT bearer for SalesCrm's own RS256 tokens (signature, issuer, audience, lifetime with a small skew;
    /// <c>alg: none</c> and other algorithms refused), plus an external OpenID Connect issuer when configured.
    /// </summary>
    public static IServiceCollection AddSalesCrmAuth(this IServiceCollection services, AuthOptions auth)
    {
        var builder = services.AddAuthentication(auth.External.Enabled ? SelectScheme : JwtBearerDefaults.AuthenticationScheme);
        builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<RsaSecurityKey>((options, key) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = auth.ClockSkew,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    NameClaimType = AuthClaims.Subject,
                    RoleClaimType = AuthClaims.Role,
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = AddAccessClaimsAsync };
            });

        if (auth.External.Enabled)
        {
            builder.AddJwtBearer(ExternalScheme, options =>
            {
                options.Authority = auth.External.Authority;
                options.Audience = auth.External.Audience;
                options.RequireHttpsMetadata = auth.External.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ClockSkew = auth.ClockSkew;
                options.Events = new JwtBearerEvents { OnTokenValidated = c => MapExternalPersonAsync(c, auth.External.EmailClaim) };
            });
            builder.AddPolicyScheme(SelectScheme, SelectScheme, options => options.ForwardDefaultSelector = context =>
                IssuedBySalesCrm(context, auth.Issuer) ? JwtBearerDefaults.AuthenticationScheme : ExternalScheme);
        }

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }

    /// <summary>Adds the subject's current role and team from the store; a deactivated user or revoked client fails here.</summary>
    private static async Task AddAccessClaimsAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var access = context.HttpContext.RequestServices.GetRequiredService<IAccessCache>();
        if (!Guid.TryParse(principal.FindFirstValue(AuthClaims.Subject), out var subject))
        {
            context.Fail("The token has no subject.");
            return;
        }

        if (principal.HasClaim(c => c.Type == AuthClaims.ClientId))
        {
            if (!await access.IsClientActiveAsync(subject, context.HttpContext.RequestAborted))
            {
                context.Fail("The integration client was revoked.");
            }

            return;
        }

        await AddPersonClaimsAsync(context, await access.GetUserAsync(subject, context.HttpContext.RequestAborted));
    }

    private static async Task MapExternalPersonAsync(TokenValidatedContext context, string emailClaim)
    {
        var email = context.Principal?.FindFirstValue(emailClaim);
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserStore>();
        var user = email is null ? null : await users.FindByEmailAsync(UserRules.NormaliseEmail(email), context.HttpContext.RequestAborted);
        var identity = new ClaimsIdentity(ExternalScheme, AuthClaims.Subject, AuthClaims.Role);
        if (user is not null)
        {
            identity.AddClaim(new Claim(AuthClaims.Subject, user.Id.ToString()));
        }

        context.Principal = new ClaimsPrincipal(identity);
        await AddPersonClaimsAsync(context, user is null ? null : new UserAccess(user.Id, user.Role, user.TeamId, user.IsActive));
    }

    private static Task AddPersonClaimsAsync(TokenValidatedContext context, UserAccess? user)
    {
        if (user is not { IsActive: true })
        {
            context.Fail("The user is unknown or deactivated.");
            return Task.CompletedTask;
        }

        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        identity.AddClaim(new Claim(AuthClaims.Role, user.Role.ToName()));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(AuthClaims.Team, team.ToString()));
        }

        return Task.CompletedTask;
    }

    private static bool IssuedBySalesCrm(HttpContext context, string issuer)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return !handler.CanReadToken(header[7..]) || handler.ReadJsonWebToken(header[7..]).Issuer == issuer;
    }
}
