namespace SalesCrm.Application.Common.Validation;

/// <summary>Turns a C# property path (<c>Items[0].Amount</c>) into the JSON field path clients sent (<c>items[0].amount</c>).</summary>
public static class JsonFieldNames
{
    public static string FromPropertyPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(CamelCase));

    private static string CamelCase(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0])
            ? segment
            : char.ToLowerInvariant(segment[0]) + segment[1..];
}
