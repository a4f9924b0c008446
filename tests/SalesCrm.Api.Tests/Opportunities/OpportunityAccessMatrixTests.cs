using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Pipelines;
using SalesCrm.Application.Opportunities;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Opportunities;

/// <summary>
/// Every opportunity and stage-move endpoint as each kind of caller, on a deal owned by a rep of team A:
/// the rep themself, a rep of team B, A's manager, B's manager, an admin, and integrations with and without
/// <c>opportunities:write</c> (integrations name the owner of what they create). Each call gets a fresh deal so no
/// answer depends on another.
/// </summary>
public sealed class OpportunityAccessMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Callers = ["rep (owner)", "rep (other team)", "manager (same team)", "manager (other team)", "admin", "integration (opportunities:write)", "integration (directory:read)"];

    /// <summary>Expected status per caller, in the order of <see cref="Callers"/>.</summary>
    private static readonly (string Operation, int[] Expected)[] Matrix =
    [
        ("list", [200, 200, 200, 200, 200, 200, 403]),
        ("create", [201, 201, 201, 201, 201, 201, 403]),
        ("get", [200, 404, 200, 404, 200, 200, 403]),
        ("update", [200, 404, 200, 404, 200, 200, 403]),
        ("delete", [204, 404, 204, 404, 204, 204, 403]),
        ("restore", [403, 404, 200, 404, 200, 403, 403]),
        ("reassign", [403, 404, 200, 404, 200, 200, 403]),
        ("owner changes", [200, 404, 200, 404, 200, 200, 403]),
        ("move stage", [201, 404, 201, 404, 201, 201, 403]),
        ("stage history", [200, 404, 200, 404, 200, 200, 403]),
    ];

    [Fact]
    public async Task Each_caller_gets_the_documented_status()
    {
        var teamA = await factory.TeamAsync();
        var teamB = await factory.TeamAsync();
        var (owner, ownerClient) = await factory.PersonAsync("rep", teamA.Id);
        var (teammate, _) = await factory.PersonAsync("rep", teamA.Id);
        var (_, otherRep) = await factory.PersonAsync("rep", teamB.Id);
        var (_, managerA) = await factory.PersonAsync("manager", teamA.Id);
        var (_, managerB) = await factory.PersonAsync("manager", teamB.Id);
        using var admin = await factory.AdminClientAsync();
        using var writer = await factory.IntegrationAsync("opportunities:write");
        using var reader = await factory.IntegrationAsync("directory:read");
        HttpClient[] clients = [ownerClient, otherRep, managerA, managerB, admin, writer, reader];
        var account = await factory.AccountAsync();

        var mismatches = new List<string>();
        foreach (var (operation, expected) in Matrix)
        {
            for (var i = 0; i < clients.Length; i++)
            {
                var deal = await ownerClient.CreateOpportunityAsync(account);
                if (operation == "restore")
                {
                    Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/opportunities/{deal.Id}")).StatusCode);
                }

                var response = await CallAsync(clients[i], operation, deal, account, i >= 5 ? owner.Id : null, teammate.Id);
                if ((int)response.StatusCode != expected[i])
                {
                    mismatches.Add($"{operation} as {Callers[i]}: expected {expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string operation, OpportunityDto deal, Guid account, Guid? ownerId, Guid teammateId)
    {
        var url = $"/api/v1/opportunities/{deal.Id}";
        return operation switch
        {
            "list" => client.GetAsync("/api/v1/opportunities"),
            "create" => client.PostAsJsonAsync("/api/v1/opportunities", new { name = "Matrix", accountId = account, amount = 1, ownerId }),
            "get" => client.GetAsync(url),
            "update" => client.SendAsync(HttpMethod.Put, url, new { name = "Renamed", amount = 2 }, deal.Version),
            "delete" => client.DeleteAsync(url),
            "restore" => client.PostAsync($"{url}/restore", null),
            "reassign" => client.SendAsync(HttpMethod.Post, $"{url}/owner", new { ownerId = teammateId }, deal.Version),
            "owner changes" => client.GetAsync($"{url}/owner-changes"),
            "move stage" => client.MoveAsync(deal.Id, deal.Version, new { toStageId = Demo }),
            "stage history" => client.GetAsync($"{url}/stage-moves"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };
    }
}
