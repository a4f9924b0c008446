using System.Net;
using SalesCrm.Api.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace SalesCrm.Api.Tests.Contract;

/// <summary>
/// The committed openapi.yaml is the published contract: it must equal what the running API serves (any drift,
/// either way, fails), and every operation in it must be documented well enough to generate a client from.
/// Regenerate it after changing the API with: UPDATE_OPENAPI=1 dotnet test tests/SalesCrm.Api.Tests --filter OpenApiContractTests
/// </summary>
public sealed class OpenApiContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task The_committed_contract_matches_the_running_api()
    {
        var served = Normalise(await ServedYamlAsync());
        var path = RepositoryFiles.PathOf("openapi.yaml");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path)) : "";
        Assert.True(committed == served,
            "openapi.yaml differs from the running API. Regenerate it: UPDATE_OPENAPI=1 dotnet test tests/SalesCrm.Api.Tests --filter OpenApiContractTests\n"
            + FirstDifference(committed, served));
    }

    [Fact]
    public async Task Every_operation_has_an_id_summary_description_and_a_4xx_response()
    {
        var problems = new List<string>();
        foreach (var (route, method, operation) in Operations(await ServedYamlAsync()))
        {
            foreach (var field in new[] { "operationId", "summary", "description" })
            {
                if (!operation.TryGetValue(field, out var value) || string.IsNullOrWhiteSpace(value as string))
                {
                    problems.Add($"{method.ToUpperInvariant()} {route} has no {field}");
                }
            }

            var responses = (Dictionary<object, object>)operation["responses"];
            if (!responses.Keys.Any(k => k.ToString()!.StartsWith('4')))
            {
                problems.Add($"{method.ToUpperInvariant()} {route} documents no 4xx response");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_secured_operation_answers_401_without_a_token()
    {
        using var client = factory.Client();
        var checkedCount = 0;
        foreach (var (route, method, operation) in Operations(await ServedYamlAsync()))
        {
            if (operation.TryGetValue("security", out var security) && security is List<object> { Count: 0 })
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", Guid.NewGuid().ToString());
            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
            if (method is "post" or "put" or "patch")
            {
                request.Content = ApiClientExtensions.JsonBody("{}");
            }

            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method.ToUpperInvariant()} {route} answered {(int)response.StatusCode} without a token");
            checkedCount++;
        }

        Assert.True(checkedCount >= 15, $"only {checkedCount} secured operations found");
    }

    private async Task<string> ServedYamlAsync()
    {
        using var client = factory.Client();
        var response = await client.GetAsync("/openapi/v1.yaml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<(string Route, string Method, Dictionary<object, object> Operation)> Operations(string yaml)
    {
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);
        foreach (var (route, item) in (Dictionary<object, object>)document["paths"])
        {
            foreach (var (method, operation) in (Dictionary<object, object>)item)
            {
                if (Methods.Contains(method.ToString()))
                {
                    yield return (route.ToString()!, method.ToString()!, (Dictionary<object, object>)operation);
                }
            }
        }
    }

    private static string Normalise(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";

    private static string FirstDifference(string committed, string served)
    {
        var a = committed.Split('\n');
        var b = served.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of document>";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  committed: {left}\n  served:    {right}";
            }
        }

        return "";
    }
}
