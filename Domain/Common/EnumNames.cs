using System.Collections.Frozen;
using System.Text;

namespace SalesCrm.Domain.Common;

/// <summary>
/// The wire and storage name of an enum value: its C# name in snake_case (<c>NoAnswer</c> → <c>no_answer</c>),
/// the same form the API's JSON uses, so a value reads the same in a request, a response and a row.
/// </summary>
public static class EnumNames
{
    public static string ToName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : SnakeCase(value.ToString());

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(TEnum).Name} name.");

    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is not null && Names<TEnum>.ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.All;

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

    /// <summary>Both directions, computed once per enum type.</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString()))];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => SnakeCase(v.ToString()), v => v, StringComparer.Ordinal);
    }
}
