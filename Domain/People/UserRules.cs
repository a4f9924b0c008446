namespace SalesCrm.Domain.People;

/// <summary>The rules that keep a user record meaningful, whoever changes it.</summary>
public static class UserRules
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;

    /// <summary>A manager manages exactly one team, so a manager without a team manages nobody.</summary>
    public static bool TeamIsRequired(Role role) => role == Role.Manager;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
