using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Planner;

/// <summary>
/// Picks each rate: the one given, else the rep's history, else the organisation's; a history rate needs a non-zero
/// numerator and denominator, is rounded to 4 places and capped at 1. With none of the three the request is a 400
/// naming the rate to give, unless the plan can do without that step (<see cref="FindRateAsync"/>).
/// </summary>
public sealed class PlannerRates(PlannerHistory rep, Func<Task<PlannerHistory>> organisation)
{
    public const string DealsPerOpportunity = "dealsPerOpportunity";
    public const string OpportunitiesPerMeeting = "opportunitiesPerMeeting";
    public const string MeetingsPerCall = "meetingsPerCall";
    public const string CallToDeal = "callToDeal";
    public const string AverageDealSize = "averageDealSize";

    private PlannerHistory? _organisation;

    public List<PlannerRate> Used { get; } = [];

    public static PlannerRate Given(string name, decimal value) => new(name, value, RateSource.Given, null, null);

    public async Task<decimal> RateAsync(string name, decimal? given, Func<PlannerHistory, (long Numerator, long Denominator)> counts) =>
        await FindRateAsync(name, given, counts)
        ?? throw RequestValidationException.For(name, $"Neither this rep's history nor the organisation's gives a {name} rate: give {name} (above 0, at most 1).");

    /// <summary>The rate given or found in a history, or null when there is none (for a step the plan can leave out).</summary>
    public async Task<decimal?> FindRateAsync(string name, decimal? given, Func<PlannerHistory, (long Numerator, long Denominator)> counts)
    {
        var rate = given is { } value ? Given(name, value)
            : FromHistory(name, counts(rep), RateSource.RepHistory)
            ?? FromHistory(name, counts(await OrganisationAsync()), RateSource.Organisation);
        if (rate is not null)
        {
            Used.Add(rate);
        }

        return rate?.Value;
    }

    public async Task<decimal> DealSizeAsync(decimal? given)
    {
        var size = given is { } value ? Given(AverageDealSize, value)
            : FromWins(rep, RateSource.RepHistory) ?? FromWins(await OrganisationAsync(), RateSource.Organisation)
            ?? throw RequestValidationException.For(AverageDealSize, "No won deal in this rep's or the organisation's history gives an average deal size: give averageDealSize.");
        Used.Add(size);
        return size.Value;
    }

    private static PlannerRate? FromHistory(string name, (long Numerator, long Denominator) counts, RateSource source)
    {
        if (counts.Numerator <= 0 || counts.Denominator <= 0)
        {
            return null;
        }

        var rate = Math.Min(1m, Math.Round((decimal)counts.Numerator / counts.Denominator, 4, MidpointRounding.AwayFromZero));
        return rate > 0 ? new PlannerRate(name, rate, source, counts.Numerator, counts.Denominator) : null;
    }

    private static PlannerRate? FromWins(PlannerHistory history, RateSource source) =>
        history.Won > 0 && history.WonAmount > 0
            ? new PlannerRate(AverageDealSize, Math.Round(history.WonAmount / history.Won, 4, MidpointRounding.AwayFromZero), source, history.WonAmount, history.Won)
            : null;

    private async Task<PlannerHistory> OrganisationAsync() => _organisation ??= await organisation();
}
