using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Setup;
using SalesCrm.Application.Commission;
using SalesCrm.Application.Surveys;

namespace SalesCrm.Api.Tests.Surveys;

/// <summary>The demo organisation shows an eNPS trend and commission earnings rather than empty pages.</summary>
public sealed class PeopleDemoTests(DemoModeTests.DemoFactory factory) : IClassFixture<DemoModeTests.DemoFactory>
{
    [Fact]
    public async Task The_demo_admin_sees_an_enps_trend_and_the_demo_manager_their_teams_earnings()
    {
        using var admin = factory.ClientWithToken((await factory.SignInAsync("admin@demo.example.com", "demo-password-1")).AccessToken);
        using var manager = factory.ClientWithToken((await factory.SignInAsync("manager@demo.example.com", "demo-password-1")).AccessToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

        var trend = await (await admin.GetAsync("/api/v1/surveys/results")).ReadAsync<List<SurveyResults>>();
        var earnings = await (await manager.GetAsync($"/api/v1/commission/earnings?period=month&start={lastMonth:yyyy-MM-dd}")).ReadAsync<CommissionEarnings>();

        Assert.Contains(trend, r => r.Enps is not null);
        Assert.All(trend, r => Assert.True(r.Enps is null || r.Enps is >= -100 and <= 100));
        Assert.Equal(2, earnings.Reps.Count);                    // Rita and Ravi, Inbound's two reps
        Assert.All(earnings.Reps, r => Assert.True(r.Total >= r.BasePay && r.BasePay > 0));
    }
}
