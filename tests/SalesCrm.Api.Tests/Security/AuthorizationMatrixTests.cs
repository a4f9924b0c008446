using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Security;

/// <summary>
/// Every operation on a record, run as every kind of caller: the owner, a teammate, the owner's manager, the other
/// team's rep and manager, an admin, and integration clients with each scope. Each case makes a fresh target so
/// destructive operations do not disturb the others.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.MatrixFactory factory)
    : IClassFixture<AuthorizationMatrixTests.MatrixFactory>
{
    public static TheoryData<AccessCase> Cases => [.. AccessCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_its_scope_allows(AccessCase @case)
    {
        var world = await factory.WorldAsync();
        var mismatches = new List<string>();
        foreach (var caller in Callers.All)
        {
            var target = await @case.Target(world);
            var response = await world[caller].SendAsync(@case.Request(target));
            var expected = @case.For(caller);
            if (!AccessCase.Matches(expected, response.StatusCode))
            {
                mismatches.Add($"{caller}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{@case.Operation}:\n" + string.Join('\n', mismatches));
    }

    public sealed class MatrixFactory : ApiFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private AccessWorld? _world;

        public async Task<AccessWorld> WorldAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _world ??= await AccessWorld.CreateAsync(this);
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}

/// <summary>Builds requests and targets for the matrix.</summary>
public static class Matrix
{
    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static HttpRequestMessage Delete(string path) => new(HttpMethod.Delete, path);

    public static HttpRequestMessage Send(HttpMethod method, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    public static Dictionary<string, Access> Expect(params (string Caller, Access Access)[] entries) =>
        entries.ToDictionary(e => e.Caller, e => e.Access);

    /// <summary>Owned records: the owner, their manager, admins and integrations with the scope; others in the team or elsewhere see nothing.</summary>
    public static Dictionary<string, Access> OwnedRecord(string scope, bool ownerAllowed = true) => Expect(
        (Callers.Owner, ownerAllowed ? Access.Allowed : Access.Forbidden),
        (Callers.TeammateRep, ownerAllowed ? Access.Hidden : Access.Forbidden),
        (Callers.OtherTeamRep, ownerAllowed ? Access.Hidden : Access.Forbidden),
        (Callers.Manager, Access.Allowed),
        (Callers.OtherTeamManager, Access.Hidden),
        (Callers.Admin, Access.Allowed),
        (Callers.Client(scope), Access.Allowed));
}
