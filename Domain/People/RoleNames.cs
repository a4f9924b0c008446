namespace SalesCrm.Domain.People;

/// <summary>The wire and storage names of <see cref="Role"/>, kept in one place.</summary>
public static class RoleNames
{
    public const string Rep = "rep";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static string ToName(this Role role) => role switch
    {
        Role.Rep => Rep,
        Role.Manager => Manager,
        Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static Role Parse(string name) => name switch
    {
        Rep => Role.Rep,
        Manager => Role.Manager,
        Admin => Role.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown role."),
    };
}
