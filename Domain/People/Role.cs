namespace SalesCrm.Domain.People;

/// <summary>What a signed-in person may see and do: their own work, their team's, or everything.</summary>
public enum Role
{
    Rep,
    Manager,
    Admin,
}
