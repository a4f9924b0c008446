using System.Globalization;
using System.Net;
using SalesCrm.Api.Tests.Infrastructure;

namespace SalesCrm.Api.Tests.Errors;

/// <summary>
/// Every GET operation of openapi.yaml, every query parameter, sent a value its schema refuses (a uuid that is not one, a
/// date that does not exist, a number that is not one or overflows, a value outside its enum) with the operation's other
/// required parameters valid: the answer is a 400 problem naming that parameter, never a 500 and never a success. A path
/// parameter is a fresh id, so an operation may also answer 404 when it looks its record up first. Long free-text values
/// (5,000 characters) must not fail either. The list comes from the contract, so a new endpoint is covered without a line here.
/// </summary>
public sealed class MalformedQueryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>Parameters of which exactly one must be given, which OpenAPI cannot say of query parameters (the description says it).</summary>
    private static readonly Dictionary<string, string[]> OneOf = new() { ["/api/v1/planner"] = ["goalDeals", "goalRevenue"] };

    /// <summary>
    /// Optional parameters an operation asks for only when the data cannot supply them, as its description says: the
    /// planner's rates, when the rep has no history to read them from (this test's organisation has none).
    /// </summary>
    private static readonly Dictionary<string, string[]> NeededWithoutHistory = new()
    {
        ["/api/v1/planner"] = ["dealsPerOpportunity", "opportunitiesPerMeeting", "meetingsPerCall"],
    };

    [Fact]
    public async Task Every_query_parameter_refuses_a_malformed_value_with_a_400_naming_it()
    {
        using var admin = await factory.AdminClientAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var operation in GetOperations())
        {
            foreach (var parameter in operation.Query)
            {
                foreach (var (value, mustRefuse) in MalformedValues(parameter))
                {
                    tried++;
                    var others = operation.Query.Where(p => p.Required && p.Name != parameter.Name).Select(p => (p.Name, ValidValue(p)));
                    var query = string.Join('&', others.Append((parameter.Name, value)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
                    var path = $"{operation.Path}?{query}";
                    string? failure;
                    try
                    {
                        failure = await CheckAsync(admin, path, parameter.Name, mustRefuse, operation.HasPathParameters);
                    }
                    catch (InvalidOperationException undocumented)
                    {
                        failure = undocumented.Message; // the test client refuses a status openapi.yaml does not document
                    }

                    if (failure is not null)
                    {
                        failures.Add($"GET {path[..Math.Min(path.Length, 160)]}: {failure}");
                    }
                }
            }
        }

        Assert.True(tried > 150, $"only {tried} malformed values were sent");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// The contract's required flags are complete: a request with only the required query parameters (valid values) is
    /// never refused for a missing one. (An endpoint that binds a parameter as optional to name it in its 400 must say in
    /// the contract that it is required, or generated clients let integrators leave it out.)
    /// </summary>
    [Fact]
    public async Task A_request_with_only_the_required_query_parameters_is_not_refused_for_a_missing_one()
    {
        using var admin = await factory.AdminClientAsync();
        var failures = new List<string>();
        foreach (var operation in GetOperations())
        {
            var given = operation.Query.Where(p => p.Required || (OneOf.TryGetValue(operation.Template, out var group) && p.Name == group[0]));
            var query = string.Join('&', given.Select(p => $"{p.Name}={Uri.EscapeDataString(ValidValue(p))}"));
            using var response = await admin.GetAsync($"{operation.Path}?{query}");
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {operation.Path}?{query}: answered {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var optional = operation.Query.Where(p => !p.Required).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                optional.ExceptWith(NeededWithoutHistory.GetValueOrDefault(operation.Template) ?? []);
                var missing = (await response.ReadJsonAsync()).ErrorFields().Where(optional.Contains).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"GET {operation.Path}?{query}: a 400 naming [{string.Join(", ", missing)}], which the contract says is optional");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<string?> CheckAsync(HttpClient client, string path, string name, bool mustRefuse, bool hasPathParameters)
    {
        using var response = await client.GetAsync(path);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"answered {status}";
        }

        if (status == 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return "a 400 that is not problem details";
            }

            var fields = (await response.ReadJsonAsync()).ErrorFields();
            return fields.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase))
                ? null
                : $"a 400 naming [{string.Join(", ", fields)}], not {name}";
        }

        return mustRefuse && !(status == 404 && hasPathParameters) ? $"answered {status} to a value its schema refuses" : null;
    }

    /// <summary>Values the parameter's schema refuses (true), and a long free text it may accept (false).</summary>
    private static IEnumerable<(string Value, bool MustRefuse)> MalformedValues(QueryParameter parameter)
    {
        if (parameter.Enum.Count > 0)
        {
            yield return ("no_such_value", true);
            yield break;
        }

        switch (parameter.Type, parameter.Format)
        {
            case ("string", "uuid"):
                yield return ("not-a-uuid", true);
                break;
            case ("string", "date"):
                yield return ("2025-02-30", true);
                break;
            case ("string", "date-time"):
                yield return ("yesterday", true);
                break;
            case ("integer", _):
                yield return ("ten", true);
                yield return ("99999999999999999999", true);
                break;
            case ("number", _):
                yield return ("abc", true);
                break;
            case ("boolean", _):
                yield return ("maybe", true);
                break;
            default:
                yield return (new string('x', 5_000), false);
                break;
        }
    }

    /// <summary>
    /// A value the operation accepts, so a request gets past its checks to the handler and the store: the window is the
    /// last whole quarter, a period start (<c>start</c>, <c>quarter</c>) the current quarter's first day (also a month's),
    /// <c>month</c> the current one.
    /// </summary>
    private static string ValidValue(QueryParameter parameter)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        return (parameter.Name, parameter.Type, parameter.Format) switch
        {
            _ when parameter.Enum.Count > 0 => parameter.Enum[0],
            ("from", "string", "date") => quarter.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ("to", "string", "date") or ("start", "string", _) or ("quarter", "string", _) => quarter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ("month", "string", _) => today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            (_, "string", "uuid") => Guid.NewGuid().ToString(),
            (_, "string", "date") => quarter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (_, "string", "date-time") => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            (_, "integer", _) or (_, "number", _) => "1",
            (_, "boolean", _) => "true",
            _ => "x",
        };
    }

    private static List<GetOperation> GetOperations()
    {
        var operations = new List<GetOperation>();
        foreach (var (template, item) in ContractDocument.Paths)
        {
            if (item.TryGetValue("get", out var get) && get is Dictionary<object, object> operation)
            {
                var parameters = operation.TryGetValue("parameters", out var list) ? ((List<object>)list).Cast<Dictionary<object, object>>().ToList() : [];
                var path = ContractDocument.WithFreshIds(template);
                operations.Add(new GetOperation(
                    template,
                    path,
                    path != template,
                    [.. parameters.Where(p => (string)p["in"] == "query").Select(Parameter)]));
            }
        }

        return operations;
    }

    private static QueryParameter Parameter(Dictionary<object, object> parameter)
    {
        var schema = ContractDocument.Resolve(parameter.TryGetValue("schema", out var s) ? (Dictionary<object, object>)s : []);
        return new QueryParameter(
            (string)parameter["name"],
            parameter.TryGetValue("required", out var required) && (string)required == "true",
            schema.TryGetValue("type", out var type) ? type.ToString()! : "string",
            schema.TryGetValue("format", out var format) ? format.ToString() : null,
            schema.TryGetValue("enum", out var values) ? [.. ((List<object>)values).Select(v => v.ToString()!)] : []);
    }

    private sealed record GetOperation(string Template, string Path, bool HasPathParameters, List<QueryParameter> Query);

    private sealed record QueryParameter(string Name, bool Required, string Type, string? Format, List<string> Enum);
}
