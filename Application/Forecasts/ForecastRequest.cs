using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Forecasts;

namespace SalesCrm.Application.Forecasts;

/// <summary>One forecast to compute: whose, which pipeline, which period in which zone, as of which instant, with which historical inputs.</summary>
public sealed record ForecastRequest(
    MetricSubject Subject, Guid? PipelineId, ForecastPeriod Period, DateOnly Start, TimeZoneInfo Zone, DateTimeOffset Now, HistoricalInputs Inputs)
{
    /// <summary>How far back the typical cycle of the cycle-age method looks: deals won in the 12 months before now.</summary>
    public const int CycleWindowMonths = 12;

    /// <summary>The historical method averages the three whole calendar months before the current one.</summary>
    public const int TrailingMonths = 3;

    public DateOnly End => ForecastPeriods.EndOf(Period, Start);

    public DateTimeOffset FromUtc => MetricWindow.StartOfDay(Start, Zone);

    public DateTimeOffset ToUtc => MetricWindow.StartOfDay(End, Zone);

    public DateTimeOffset CycleFrom => Now.AddMonths(-CycleWindowMonths);

    public DateOnly TrailingTo => ForecastPeriods.StartHolding(ForecastPeriod.Month, MetricWindow.DateOf(Now, Zone));

    public DateOnly TrailingFrom => TrailingTo.AddMonths(-TrailingMonths);

    public ForecastContext Context => new(Period, Start, End, Zone.Id, Subject.TeamId, Subject.UserId, PipelineId, Now);
}

/// <summary>
/// The historical method's inputs: a growth rate (0.05 = +5%), new reps expected, the deals each closes in their first
/// month, and their deal size (null: the average won deal size over the trailing three months).
/// </summary>
public sealed record HistoricalInputs(decimal GrowthRate = 0m, int NewReps = 0, int NewRepDeals = 1, decimal? NewRepDealSize = null)
{
    public static HistoricalInputs Defaults { get; } = new();
}
