using SalesCrm.Application.People;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.People;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.People;

/// <summary>Users and teams as a test needs them; each test names its own, so tests sharing a database never collide.</summary>
public static class TestRecords
{
    public static UserRecord User(string email, Role role = Role.Rep, Guid? teamId = null) => new()
    {
        Id = Ids.New(),
        Email = email,
        DisplayName = "Person " + email,
        Role = role,
        TeamId = teamId,
        PasswordHash = "hash:" + email,
        IsActive = true,
        CreatedAt = DatabaseTests.Now,
        Version = 1,
    };

    public static TeamDto Team(string name) => new(Ids.New(), name, DatabaseTests.Now, 1);
}
