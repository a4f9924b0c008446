namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// How large an organisation <see cref="SalesHistoryGenerator"/> makes. Rates are per rep per working day;
/// outcomes follow the stage conversion and activity outcome shares a sales team typically sees.
/// </summary>
public sealed record GeneratorProfile
{
    public int Teams { get; init; } = 2;

    public int RepsPerTeam { get; init; } = 4;

    public int Days { get; init; } = 365;

    public double CallsPerDay { get; init; } = 12;

    public double EmailsPerDay { get; init; } = 6;

    public double MeetingsPerDay { get; init; } = 0.8;

    public double NotesPerDay { get; init; } = 0.5;

    public double LeadsPerDay { get; init; } = 1.2;

    public double OpportunitiesPerDay { get; init; } = 0.6;

    public int Seed { get; init; } = 20261123;

    /// <summary>The demo organisation: a year of history for the demo users.</summary>
    public static GeneratorProfile Small { get; } = new();

    /// <summary>About 1 million activities: 50 reps, 3 years.</summary>
    public static GeneratorProfile Medium { get; } = new()
    {
        Teams = 5,
        RepsPerTeam = 10,
        Days = 1095,
        CallsPerDay = 17,
        EmailsPerDay = 7,
        MeetingsPerDay = 1,
        NotesPerDay = 1,
        LeadsPerDay = 3,
        OpportunitiesPerDay = 2.6,
    };

    /// <summary>500 reps, 3 years: about 10 million activities, 1 million opportunities, 4 million stage moves.</summary>
    public static GeneratorProfile Large { get; } = Medium with { Teams = 50 };

    /// <summary>
    /// The large organisation (500 reps, same daily rates) with only its last 240 days of history: about 2.2 million
    /// activities. Beside <see cref="Large"/> it isolates the size of the history from the size of the organisation.
    /// </summary>
    public static GeneratorProfile Recent { get; } = Large with { Days = 240 };

    public static GeneratorProfile Named(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "medium" => Medium,
        "large" => Large,
        "recent" => Recent,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Profiles: small, medium, large, recent."),
    };
}
