namespace SalesCrm.Domain.Planner;

/// <summary>
/// The reverse funnel: from deals needed back to the opportunities, meetings and calls that produce them. Each figure is
/// the goal divided by the product of the rates below it, rounded up once at the end (so rounding never compounds);
/// a day's figure is the month's rounded figure over the working days, rounded up.
/// </summary>
public static class ReverseFunnel
{
    public static long Needed(decimal goal, params decimal[] rates) =>
        (long)Math.Ceiling(rates.Aggregate(goal, (need, rate) => need / rate));

    public static long? PerDay(long monthly, int workingDays) =>
        workingDays == 0 ? null : (long)Math.Ceiling(monthly / (decimal)workingDays);
}
