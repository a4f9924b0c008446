using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Api.Tests.Leads;

namespace SalesCrm.Api.Tests.SalesDirectory;

/// <summary>
/// Every account, contact and lead operation, called as each kind of caller, against a record owned by a rep of one team:
/// the shared directory answers 403 to readers who may not write; leads answer 404 outside the caller's scope.
/// </summary>
public sealed class DirectoryAuthorizationMatrixTests(DirectoryAuthorizationMatrixTests.Callers callers)
    : IClassFixture<DirectoryAuthorizationMatrixTests.Callers>
{
    private static readonly string[] Roles = ["owner", "teammate", "manager", "otherManager", "admin", "writer", "reader", "none"];

    // Expected status per role, in the order of Roles.
    private static readonly (string Record, string Operation, int[] Statuses)[] Expectations =
    [
        ("accounts", "get", [200, 200, 200, 200, 200, 200, 200, 403]),
        ("accounts", "list", [200, 200, 200, 200, 200, 200, 200, 403]),
        ("accounts", "create", [201, 201, 201, 201, 201, 201, 403, 403]),
        ("accounts", "update", [200, 403, 200, 403, 200, 200, 403, 403]),
        ("accounts", "reassign", [403, 403, 200, 403, 200, 200, 403, 403]),
        ("accounts", "delete", [204, 403, 204, 403, 204, 204, 403, 403]),
        ("accounts", "restore", [403, 403, 200, 403, 200, 403, 403, 403]),
        ("contacts", "get", [200, 200, 200, 200, 200, 200, 200, 403]),
        ("contacts", "list", [200, 200, 200, 200, 200, 200, 200, 403]),
        ("contacts", "create", [201, 201, 201, 201, 201, 201, 403, 403]),
        ("contacts", "update", [200, 403, 200, 403, 200, 200, 403, 403]),
        ("contacts", "reassign", [403, 403, 200, 403, 200, 200, 403, 403]),
        ("contacts", "delete", [204, 403, 204, 403, 204, 204, 403, 403]),
        ("contacts", "restore", [403, 403, 200, 403, 200, 403, 403, 403]),
        ("leads", "get", [200, 404, 200, 404, 200, 200, 403, 403]),
        ("leads", "list", [200, 200, 200, 200, 200, 200, 403, 403]),
        ("leads", "create", [201, 201, 201, 201, 201, 201, 403, 403]),
        ("leads", "update", [200, 404, 200, 404, 200, 200, 403, 403]),
        ("leads", "reassign", [403, 404, 200, 404, 200, 200, 403, 403]),
        ("leads", "convert", [200, 404, 200, 404, 200, 200, 403, 403]),
        ("leads", "delete", [204, 404, 204, 404, 204, 204, 403, 403]),
        ("leads", "restore", [403, 404, 200, 404, 200, 403, 403, 403]),
    ];

    public static TheoryData<string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (record, operation, statuses) in Expectations)
        {
            for (var i = 0; i < Roles.Length; i++)
            {
                data.Add(record, operation, Roles[i], statuses[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_the_documented_status(string record, string operation, string role, int expected)
    {
        await callers.EnsureReadyAsync();
        var caller = callers.Client(role);
        var ownerId = callers.OwnerId;
        var id = operation is "list" or "create" ? Guid.Empty : await callers.CreateAsync(record, deleted: operation == "restore");
        var path = $"/api/v1/{record}/{id}";
        var isIntegration = role is "writer" or "reader" or "none";

        var response = operation switch
        {
            "get" => await caller.GetAsync(path),
            "list" => await caller.GetAsync($"/api/v1/{record}"),
            "create" => await caller.PostAsJsonAsync($"/api/v1/{record}", Body(record, isIntegration ? ownerId : null)),
            "update" => await caller.PutAsync(path, UpdateBody(record), 1),
            "reassign" => await caller.PostGuardedAsync($"{path}/owner", new { ownerId }, 1),
            "convert" => await caller.PostGuardedAsync($"{path}/convert", LeadsApi.Conversion(), 1),
            "delete" => await caller.DeleteAsync(path),
            "restore" => await caller.PostAsync($"{path}/restore", null),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        Assert.True((int)response.StatusCode == expected,
            $"{role} {operation} {record}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Dictionary<string, object?> Body(string record, Guid? ownerId)
    {
        var body = record switch
        {
            "accounts" => new Dictionary<string, object?> { ["name"] = "Matrix Co" },
            "contacts" => new Dictionary<string, object?> { ["firstName"] = "Matrix", ["lastName"] = "Person" },
            _ => new Dictionary<string, object?> { ["name"] = "Matrix Lead" },
        };
        if (ownerId is not null)
        {
            body["ownerId"] = ownerId;
        }

        return body;
    }

    private static object UpdateBody(string record) => record switch
    {
        "accounts" => new { name = "Renamed Co" },
        "contacts" => new { firstName = "Renamed", lastName = "Person" },
        _ => new { name = "Renamed Lead", status = "working" },
    };

    /// <summary>One database with a team (owner rep, teammate, manager), another team's manager, an admin and three integrations.</summary>
    public sealed class Callers : ApiFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly Dictionary<string, HttpClient> _clients = [];

        public Guid OwnerId { get; private set; }

        public HttpClient Client(string role) => _clients[role];

        public async Task EnsureReadyAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_clients.Count > 0)
                {
                    return;
                }

                var people = await this.TeamPeopleAsync();
                var otherTeam = await this.TeamAsync();
                OwnerId = people.Rep.User.Id;
                _clients["owner"] = people.Rep.Client;
                _clients["teammate"] = people.OtherRep.Client;
                _clients["manager"] = people.Manager.Client;
                _clients["otherManager"] = (await this.PersonAsync("manager", otherTeam.Id)).Client;
                _clients["admin"] = await this.AdminClientAsync();
                _clients["writer"] = (await this.IntegrationAsync("opportunities:write")).Http;
                _clients["reader"] = (await this.IntegrationAsync("directory:read")).Http;
                _clients["none"] = (await this.IntegrationAsync("metrics:read")).Http;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>A fresh record owned by the owner rep (deleted by an admin when asked).</summary>
        public async Task<Guid> CreateAsync(string record, bool deleted)
        {
            var response = await _clients["owner"].PostAsJsonAsync($"/api/v1/{record}", Body(record, null));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
            if (deleted)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await _clients["admin"].DeleteAsync($"/api/v1/{record}/{id}")).StatusCode);
            }

            return id;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _gate.Dispose();
            await base.DisposeAsync();
        }
    }
}
