using SalesCrm.Domain.People;

namespace SalesCrm.UnitTests.People;

public sealed class RoleNamesTests
{
    [Theory]
    [InlineData(Role.Rep, "rep")]
    [InlineData(Role.Manager, "manager")]
    [InlineData(Role.Admin, "admin")]
    public void Each_role_has_one_wire_name_that_parses_back(Role role, string name)
    {
        Assert.Equal(name, role.ToName());
        Assert.Equal(role, RoleNames.Parse(name));
    }

    [Fact]
    public void Every_role_round_trips()
    {
        Assert.All(Enum.GetValues<Role>(), role => Assert.Equal(role, RoleNames.Parse(role.ToName())));
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("owner")]
    [InlineData("")]
    public void An_unknown_name_is_rejected(string name)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RoleNames.Parse(name));
    }
}
