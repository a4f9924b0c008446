namespace SalesCrm.Domain.Opportunities;

/// <summary>How a closed opportunity ended; an open one has none.</summary>
public enum Outcome
{
    Won,
    Lost,
}

/// <summary>The wire and storage names of <see cref="Outcome"/>.</summary>
public static class OutcomeNames
{
    public const string Won = "won";
    public const string Lost = "lost";

    public static string ToName(this Outcome outcome) => outcome switch
    {
        Outcome.Won => Won,
        Outcome.Lost => Lost,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static Outcome Parse(string name) => name switch
    {
        Won => Outcome.Won,
        Lost => Outcome.Lost,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown outcome."),
    };
}
