using SalesCrm.Application.Auth;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.People;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Infrastructure.Setup;

/// <summary>
/// The demo organisation: the only place fixed credentials exist, and only when demo mode is switched on
/// for an empty database, with a year of generated sales history for its reps. The README lists these accounts.
/// </summary>
public sealed class DemoOrganisation(
    IUserStore users,
    ITeamStore teams,
    IOrganisationStore organisation,
    IPasswordHasher passwordHasher,
    Demo.SalesHistoryGenerator history,
    TimeProvider clock)
{
    public const string Password = "demo-password-1";

    public static readonly (string Email, string Name, Role Role, string? Team)[] People =
    [
        ("admin@demo.example.com", "Ada Admin", Role.Admin, null),
        ("manager@demo.example.com", "Max Manager", Role.Manager, "Inbound"),
        ("rep@demo.example.com", "Rita Rep", Role.Rep, "Inbound"),
        ("rep2@demo.example.com", "Ravi Rep", Role.Rep, "Inbound"),
        ("outbound.manager@demo.example.com", "Olga Outbound", Role.Manager, "Outbound"),
        ("outbound.rep@demo.example.com", "Omar Outbound", Role.Rep, "Outbound"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var current = await organisation.GetAsync(cancellationToken);
        await organisation.UpdateAsync(
            new OrganisationDto("Demo Co", "Europe/Warsaw", "EUR", current.Version + 1), current.Version, cancellationToken);

        var teamIds = new Dictionary<string, Guid>();
        foreach (var name in People.Select(p => p.Team).OfType<string>().Distinct())
        {
            var team = new TeamDto(Ids.New(), name, now, 1);
            await teams.InsertAsync(team, cancellationToken);
            teamIds[name] = team.Id;
        }

        var hash = passwordHasher.Hash(Password);
        var reps = new List<Demo.GeneratedRep>();
        foreach (var (email, name, role, team) in People)
        {
            var id = Ids.New();
            if (role == Role.Rep)
            {
                reps.Add(new Demo.GeneratedRep(id, team is null ? null : teamIds[team]));
            }

            await users.InsertAsync(new UserRecord
            {
                Id = id,
                Email = email,
                DisplayName = name,
                Role = role,
                TeamId = team is null ? null : teamIds[team],
                PasswordHash = hash,
                IsActive = true,
                CreatedAt = now,
                Version = 1,
            }, cancellationToken);
        }

        // A year of work for the demo reps, so every list, board and chart has something to show.
        await history.GenerateAsync(Demo.GeneratorProfile.Small, reps, cancellationToken);
    }
}
