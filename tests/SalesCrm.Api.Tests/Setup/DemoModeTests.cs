using System.Net;
using Microsoft.AspNetCore.Hosting;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Me.GetMe;

namespace SalesCrm.Api.Tests.Setup;

/// <summary>Demo mode seeds the documented accounts and a year of plausible history that the API serves like any other.</summary>
public sealed class DemoModeTests(DemoModeTests.DemoFactory factory) : IClassFixture<DemoModeTests.DemoFactory>
{
    [Fact]
    public async Task The_documented_demo_accounts_sign_in()
    {
        var token = await factory.SignInAsync("rep@demo.example.com", "demo-password-1");
        using var rep = factory.ClientWithToken(token.AccessToken);

        var me = await (await rep.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();

        Assert.Equal("Rita Rep", me.DisplayName);
    }

    [Fact]
    public async Task A_demo_rep_has_deals_leads_and_activities_with_stage_history()
    {
        using var rep = factory.ClientWithToken((await factory.SignInAsync("rep@demo.example.com", "demo-password-1")).AccessToken);

        var deals = await (await rep.GetAsync("/api/v1/opportunities?limit=5")).ReadJsonAsync();
        var leads = await (await rep.GetAsync("/api/v1/leads?limit=5")).ReadJsonAsync();
        var firstDeal = deals.GetProperty("items")[0].GetProperty("id").GetGuid();
        var history = await (await rep.GetAsync($"/api/v1/opportunities/{firstDeal}/stage-moves")).ReadJsonAsync();

        Assert.Equal(5, deals.GetProperty("items").GetArrayLength());
        Assert.Equal(5, leads.GetProperty("items").GetArrayLength());
        Assert.True(history.GetProperty("items").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task A_demo_rep_has_a_quota_for_the_current_quarter_and_year()
    {
        using var rep = factory.ClientWithToken((await factory.SignInAsync("rep@demo.example.com", "demo-password-1")).AccessToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);

        var me = await (await rep.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        var quarterly = await (await rep.GetAsync($"/api/v1/metrics/quota-attainment?userId={me.Id}&from={quarter:yyyy-MM-dd}&to={quarter.AddMonths(3):yyyy-MM-dd}&period=quarter")).ReadJsonAsync();
        var yearly = await (await rep.GetAsync($"/api/v1/metrics/quota-attainment?userId={me.Id}&from={today.Year}-01-01&to={today.Year + 1}-01-01&period=year")).ReadJsonAsync();

        Assert.Equal("revenue", Assert.Single(quarterly.GetProperty("quotas").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal("deals", Assert.Single(yearly.GetProperty("quotas").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_demo_manager_sees_the_team_but_not_the_other_team()
    {
        using var manager = factory.ClientWithToken((await factory.SignInAsync("manager@demo.example.com", "demo-password-1")).AccessToken);
        using var outbound = factory.ClientWithToken((await factory.SignInAsync("outbound.rep@demo.example.com", "demo-password-1")).AccessToken);
        var outboundDeal = (await (await outbound.GetAsync("/api/v1/opportunities?limit=1")).ReadJsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        await (await manager.GetAsync($"/api/v1/opportunities/{outboundDeal}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    public sealed class DemoFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "true");
        }
    }
}
