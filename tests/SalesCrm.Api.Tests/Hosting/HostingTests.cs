using System.Net;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Hosting;

public sealed class HostingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_a_token(string path)
    {
        using var client = factory.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pipeline")]
    [InlineData("/opportunities/123/timeline")]
    public async Task The_spa_is_served_at_the_root_and_for_client_routes(string path)
    {
        using var client = factory.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SalesCrm test SPA", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swagger_ui_and_the_openapi_document_are_public()
    {
        using var client = factory.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
