using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesCrm.Api.Common;

/// <summary>
/// Names the field a body failed on, from System.Text.Json's exception, without echoing its text
/// (which quotes .NET type names): unknown field, missing required field, null where not allowed, wrong type.
/// </summary>
public static partial class JsonErrors
{
    private static readonly string[] Required = ["This field is required."];

    public static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var fields = QuotedNames().Matches(message[message.IndexOf("including", StringComparison.Ordinal)..])
                .Select(m => Prefix(json.Path) + m.Groups[1].Value);
            return fields.ToDictionary(f => f, _ => Required);
        }

        var field = FieldPath(json.Path);
        var text = message switch
        {
            _ when message.Contains("could not be mapped", StringComparison.Ordinal) => "This field is not part of the request.",
            _ when message.Contains("null values", StringComparison.Ordinal) => "This field must not be null.",
            _ when json.Path is null or "$" => "The body is not valid JSON, or not a JSON object.",
            _ => "The value has the wrong type or format.",
        };
        return new Dictionary<string, string[]> { [field] = [text] };
    }

    private static string FieldPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string Prefix(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : FieldPath(path) + ".";

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedNames();
}
