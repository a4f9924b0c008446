using System.Net;

namespace SalesCrm.Api.Tests.Security;

/// <summary>
/// What a caller should get: past authorization (any status but 400/401/403/404), hidden (404), refused (403),
/// or a body reference refused as unknown (400: a record outside the caller's scope named in the body).
/// </summary>
public enum Access
{
    Allowed,
    Hidden,
    Forbidden,
    UnknownReference,
}

/// <summary>
/// One operation of the matrix: how to make a fresh target record (owned by the world's rep A) and the request
/// against it, and what each caller gets. Callers not listed get <see cref="Default"/>.
/// </summary>
public sealed record AccessCase(
    string Operation,
    Func<AccessWorld, Task<string>> Target,
    Func<string, HttpRequestMessage> Request,
    IReadOnlyDictionary<string, Access> Expected,
    Access Default = Access.Forbidden)
{
    public Access For(string caller) => Expected.TryGetValue(caller, out var access) ? access : Default;

    public static bool Matches(Access access, HttpStatusCode status) => access switch
    {
        Access.Hidden => status == HttpStatusCode.NotFound,
        Access.Forbidden => status == HttpStatusCode.Forbidden,
        Access.UnknownReference => status == HttpStatusCode.BadRequest,
        _ => status is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound),
    };

    public override string ToString() => Operation;
}
