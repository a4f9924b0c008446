namespace SalesCrm.Application.Metrics.People.Quadrant;

/// <summary>
/// Where a rep stands quarter over quarter: at or above the team median and grew (rising star), at or above and did not
/// grow (falling star), below and grew (improving laggard), below and did not grow (declining laggard).
/// </summary>
public enum RepQuadrant
{
    RisingStar,
    FallingStar,
    ImprovingLaggard,
    DecliningLaggard,
}

public static class RepQuadrants
{
    /// <summary>Ties: revenue equal to the median counts as above it; revenue unchanged from the previous quarter counts as not grown.</summary>
    public static RepQuadrant Of(decimal revenue, decimal previousRevenue, decimal median)
    {
        var above = revenue >= median;
        var grew = revenue > previousRevenue;
        return (above, grew) switch
        {
            (true, true) => RepQuadrant.RisingStar,
            (true, false) => RepQuadrant.FallingStar,
            (false, true) => RepQuadrant.ImprovingLaggard,
            _ => RepQuadrant.DecliningLaggard,
        };
    }
}
