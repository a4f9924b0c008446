using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace SalesCrm.Api.Tests.Infrastructure;

/// <summary>
/// openapi.yaml read once as plain YAML, for the tests that walk the contract: the statuses each operation documents, and
/// the sweeps that send every parameter and body property a value its schema refuses.
/// </summary>
public static partial class ContractDocument
{
    private static readonly Lazy<Dictionary<object, object>> Document = new(() => new DeserializerBuilder().Build()
        .Deserialize<Dictionary<object, object>>(File.ReadAllText(RepositoryFiles.PathOf("openapi.yaml"))));

    /// <summary>Each path template with its operations by method (<c>get</c>, <c>post</c>, …).</summary>
    public static IEnumerable<(string Template, Dictionary<object, object> Operations)> Paths =>
        ((Dictionary<object, object>)Document.Value["paths"]).Select(p => (p.Key.ToString()!, (Dictionary<object, object>)p.Value));

    /// <summary>Follows a <c>$ref</c> to its component, and the non-null side of a nullable <c>oneOf</c> / <c>anyOf</c>.</summary>
    public static Dictionary<object, object> Resolve(Dictionary<object, object> schema)
    {
        if (schema.TryGetValue("$ref", out var reference))
        {
            var schemas = (Dictionary<object, object>)((Dictionary<object, object>)Document.Value["components"])["schemas"];
            return Resolve((Dictionary<object, object>)schemas[reference.ToString()!.Split('/')[^1]]);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetValue(combinator, out var options))
            {
                var notNull = ((List<object>)options).Cast<Dictionary<object, object>>()
                    .FirstOrDefault(o => !(o.TryGetValue("type", out var type) && type.ToString() == "null"));
                return notNull is null ? schema : Resolve(notNull);
            }
        }

        return schema;
    }

    /// <summary>The path with a fresh id in each of its parameters (<c>{id}</c>, <c>{userId}</c>, …).</summary>
    public static string WithFreshIds(string template) => PathParameter().Replace(template, _ => Guid.NewGuid().ToString());

    /// <summary>A pattern matching the paths of <paramref name="template"/>, each path parameter one segment.</summary>
    public static Regex PathPattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "/?$");

    [GeneratedRegex(@"\{[^}]+}")]
    private static partial Regex PathParameter();
}
