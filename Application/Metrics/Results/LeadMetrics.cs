using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Application.Metrics.Results;

/// <summary>
/// Lead conversion and response time for leads created in one span: how many became opportunities (at any time up to now),
/// how many got a logged activity, and the hours from creation to the first one (an activity logged before the lead's
/// creation counts as 0 hours).
/// </summary>
public sealed record LeadMetrics(
    long LeadsCreated,
    long LeadsConverted,
    double? ConversionRate,
    long Responded,
    long Unanswered,
    double? AverageResponseHours,
    double? MedianResponseHours);

/// <summary>One lead created in the window, as the store reads it.</summary>
public sealed record LeadResponse(Guid Id, DateTimeOffset CreatedAt, bool Converted, DateTimeOffset? FirstActivityAt)
{
    public double? ResponseHours => FirstActivityAt is { } first ? Math.Max(0, (first - CreatedAt).TotalHours) : null;
}

public static class LeadCalculation
{
    public static LeadMetrics For(IReadOnlyCollection<LeadResponse> leads)
    {
        long created = leads.Count;
        long converted = leads.Count(l => l.Converted);
        var hours = leads.Where(l => l.ResponseHours is not null).Select(l => l.ResponseHours!.Value).ToList();
        return new LeadMetrics(
            created, converted, Ratio.Of(converted, created), hours.Count, created - hours.Count, Ratio.Average(hours), Ratio.Median(hours));
    }
}

/// <summary>The figures of the lead metrics a drill-down can list the leads of.</summary>
public enum LeadFigure
{
    LeadsCreated,
    LeadsConverted,
    LeadsResponded,
}
