using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// A read target of an exact median kept in whole-hour buckets (lead response, qualified-lead response, late follow-ups):
/// one span and one hour that holds a span's middle rank(s) (<paramref name="Ranks"/>, counted from the hour's first, when
/// the reader picks them), as JSON and as a table (i, hour, from_at, to_at) in each dialect.
/// </summary>
public sealed record HourTarget(int Index, MetricSpan Span, long Hour, IReadOnlyList<long>? Ranks = null)
{
    public const string SqliteTable = """
        (SELECT CAST(json_extract(tj.value, '$.i') AS INTEGER) AS i, json_extract(tj.value, '$.h') AS hour,
                json_extract(tj.value, '$.fm') AS from_at, json_extract(tj.value, '$.tm') AS to_at
         FROM json_each(@Targets) tj)
        """;

    public const string SqlServerTable = """
        (SELECT i, hour, from_at, to_at
         FROM OPENJSON(@Targets) WITH (i INT '$.i', hour BIGINT '$.h', from_at DATETIMEOFFSET(3) '$.f', to_at DATETIMEOFFSET(3) '$.t'))
        """;

    public static string Json(IEnumerable<HourTarget> targets) =>
        MetricSql.SpanTargetsJson(targets.Select(t => (t.Index, t.Span, (IReadOnlyDictionary<string, object>)new Dictionary<string, object> { ["h"] = t.Hour })));
}
