using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.UnitTests.Metrics;

public sealed class RatioMedianTests
{
    [Fact]
    public void The_median_of_amounts_is_the_middle_one_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(1_000.5m, Ratio.Median([12_000m, 1_000.5m, -3m]));               // -3, 1,000.5, 12,000
        Assert.Equal(600.0001m, Ratio.Median([0.0001m, 1_200.0001m, 5_000m, 0.0001m])); // (0.0001 + 1,200.0001) / 2
        Assert.Null(Ratio.Median(Array.Empty<decimal>()));
    }
}
