using System.Text.RegularExpressions;

namespace SalesCrm.Domain.LeadScoring;

/// <summary>The ranges an administrator may set: points per event, the qualification threshold, and event type keys.</summary>
public static partial class LeadScoringLimits
{
    public const int MinPoints = -100;
    public const int MaxPoints = 100;
    public const int MinThreshold = 1;
    public const int MaxThreshold = 1000;
    public const int DefaultThreshold = 20;
    public const int MaxEventTypeLength = 50;

    /// <summary>A snake_case key: a lowercase letter, then lowercase letters, digits or underscores (up to 50 characters).</summary>
    public static bool IsEventType(string? type) => type is not null && EventType().IsMatch(type);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex EventType();
}
