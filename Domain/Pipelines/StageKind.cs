namespace SalesCrm.Domain.Pipelines;

/// <summary>An open stage keeps a deal in play; Won and Lost close it. Every pipeline has exactly one of each closed kind.</summary>
public enum StageKind
{
    Open,
    Won,
    Lost,
}

/// <summary>The wire and storage names of <see cref="StageKind"/>.</summary>
public static class StageKindNames
{
    public const string Open = "open";
    public const string Won = "won";
    public const string Lost = "lost";

    public static string ToName(this StageKind kind) => kind switch
    {
        StageKind.Open => Open,
        StageKind.Won => Won,
        StageKind.Lost => Lost,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static StageKind Parse(string name) => name switch
    {
        Open => StageKind.Open,
        Won => StageKind.Won,
        Lost => StageKind.Lost,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown stage kind."),
    };

    public static bool IsClosed(this StageKind kind) => kind != StageKind.Open;
}
