namespace SalesCrm.Domain.Pipelines;

/// <summary>
/// What keeps a pipeline usable: at least one open stage to start deals in, exactly one Won stage (100%) and
/// exactly one Lost stage (0%), names unique within the pipeline, probabilities 0–100, stale limits above zero.
/// </summary>
public static class PipelineRules
{
    public const int MaxNameLength = 200;
    public const int MaxStages = 30;
    public const int MaxStaleAfterDays = 3650;
    public const string DefaultWonName = "Won";
    public const string DefaultLostName = "Lost";

    /// <summary>The probability a closed stage always has; open stages choose theirs.</summary>
    public static int? FixedProbability(StageKind kind) => kind switch
    {
        StageKind.Won => 100,
        StageKind.Lost => 0,
        _ => null,
    };

    public static bool IsProbability(int probability) => probability is >= 0 and <= 100;

    public static bool IsStaleLimit(int? staleAfterDays) => staleAfterDays is null or (> 0 and <= MaxStaleAfterDays);

    /// <summary>Won and Lost stages close deals, so a pipeline cannot lose them: they are never archived or deleted.</summary>
    public static bool CanRemove(StageKind kind) => kind == StageKind.Open;
}
