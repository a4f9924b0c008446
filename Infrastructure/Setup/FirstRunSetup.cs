using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Application.Auth;
using SalesCrm.Application.People;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Infrastructure.Setup;

/// <summary>
/// Makes an empty database usable: the demo organisation in demo mode, otherwise a first administrator whose
/// password comes from configuration or is generated and printed once. No default password exists anywhere.
/// </summary>
public sealed class FirstRunSetup(
    IUserStore users,
    IPasswordHasher passwordHasher,
    DemoOrganisation demo,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<DemoOptions> demoOptions,
    TimeProvider clock,
    ILogger<FirstRunSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        if (demoOptions.Value.Enabled)
        {
            await demo.SeedAsync(cancellationToken);
            logger.LogWarning("Demo mode: seeded the demo organisation; every demo account's password is in the README");
            return;
        }

        var email = UserRules.NormaliseEmail(bootstrap.Value.AdminEmail);
        var password = bootstrap.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        }

        await users.InsertAsync(new UserRecord
        {
            Id = Ids.New(),
            Email = email,
            DisplayName = "Administrator",
            Role = Role.Admin,
            PasswordHash = passwordHasher.Hash(password!),
            IsActive = true,
            CreatedAt = clock.Now(),
            Version = 1,
        }, cancellationToken);

        if (generated)
        {
            // Printed once, to the console only: it is not stored anywhere in clear and never appears again.
            Console.WriteLine($"""

                ==== SalesCrm first start ====
                Administrator: {email}
                One-time password: {password}
                Sign in and change it (Account > Change password, or POST /api/v1/me/password).
                ==============================

                """);
        }
        else
        {
            logger.LogInformation("Created the first administrator {Email} from configuration", email);
        }
    }
}
