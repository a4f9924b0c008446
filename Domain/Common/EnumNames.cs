using System.Collections.Concurrent;
using System.Text;

namespace SalesCrm.Domain.Common;

/// <summary>
/// The wire and storage name of an enum value: its C# name in snake_case (<c>NoAnswer</c> → <c>no_answer</c>),
/// the same form the API's JSON uses, so a value reads the same in a request, a response and a row.
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> ByName = new();

    public static string ToName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => SnakeCase(value.ToString());

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(TEnum).Name} name.");

    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        var names = ByName.GetOrAdd(typeof(TEnum), _ => Enum.GetValues<TEnum>().ToDictionary(v => v.ToName(), v => (object)v));
        if (name is not null && names.TryGetValue(name, out var found))
        {
            value = (TEnum)found;
            return true;
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => v.ToName())];

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
