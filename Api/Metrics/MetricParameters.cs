using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Metrics.Common;

namespace SalesCrm.Api.Metrics;

/// <summary>
/// The query parameters every windowed metric takes. <c>from</c> and <c>to</c> are bound as optional so a missing
/// one is a 400 naming it (not a bare binding failure); <c>bucket</c> and explain figures are snake_case strings.
/// </summary>
public static class MetricParameters
{
    public const string WindowDescription =
        "`from` (inclusive) and `to` (exclusive) are calendar dates in the organisation's time zone, at most "
        + "1,827 days apart. `teamId` or `userId` cut the numbers to a team (its current members) or a rep; without either, a rep "
        + "gets their own numbers, a manager their team's, an admin or integration the organisation's. A team or rep outside "
        + "the caller's scope is 404. `bucket` (`day`, `week`, `month`, `quarter`) adds a time series with one point per calendar "
        + "bucket, empty ones included, at most 400 points. Ratios are fractions rounded to 4 places and `null` when their "
        + "denominator is zero; the counts behind them are always returned.";

    public static (DateOnly From, DateOnly To) Window(DateOnly? from, DateOnly? to)
    {
        var errors = WindowErrors(from, to);
        return errors.Count == 0 ? (from!.Value, to!.Value) : throw new RequestValidationException(errors);
    }

    /// <summary>The window and the optional <c>bucket</c>: one 400 names every bad one of the three.</summary>
    public static (DateOnly From, DateOnly To, Bucket? Bucket) WindowAndBucket(DateOnly? from, DateOnly? to, string? bucket) =>
        WindowAnd<Bucket>(from, to, bucket, "bucket");

    /// <summary>The window and an optional snake_case enum parameter (a quota period, a ranking): one 400 names every bad one.</summary>
    public static (DateOnly From, DateOnly To, TEnum? Value) WindowAnd<TEnum>(DateOnly? from, DateOnly? to, string? value, string parameter)
        where TEnum : struct, Enum =>
        WindowWith(from, to, () => QueryEnums.Parse<TEnum>(value, parameter));

    /// <summary>An explain's required <c>figure</c> and its window: one 400 names every bad one of the three.</summary>
    public static (TFigure Figure, DateOnly From, DateOnly To) FigureAndWindow<TFigure>(string? figure, DateOnly? from, DateOnly? to)
        where TFigure : struct, Enum
    {
        var (windowFrom, windowTo, parsed) = WindowWith(from, to, () => Figure<TFigure>(figure));
        return (parsed, windowFrom, windowTo);
    }

    public static TFigure Figure<TFigure>(string? figure)
        where TFigure : struct, Enum =>
        QueryEnums.Parse<TFigure>(figure, "figure")
        ?? throw RequestValidationException.For("figure", "figure is required: the figure whose records to list.");

    /// <summary>The window and what <paramref name="read"/> reads (it throws a 400 for its own parameter): every error in one 400.</summary>
    private static (DateOnly From, DateOnly To, T Value) WindowWith<T>(DateOnly? from, DateOnly? to, Func<T> read)
    {
        var errors = WindowErrors(from, to);
        var value = default(T)!;
        try
        {
            value = read();
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                errors[field] = messages;
            }
        }

        return errors.Count == 0 ? (from!.Value, to!.Value, value) : throw new RequestValidationException(errors);
    }

    private static Dictionary<string, string[]> WindowErrors(DateOnly? from, DateOnly? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is null)
        {
            errors["from"] = ["from is required: the first date of the window (yyyy-MM-dd), inclusive."];
        }

        if (to is null)
        {
            errors["to"] = ["to is required: the date after the window's last day (yyyy-MM-dd), exclusive."];
        }

        return errors;
    }

    /// <summary>
    /// A windowed metric endpoint: readable by people and <c>metrics:read</c> integrations, <c>from</c> and <c>to</c>
    /// documented as required (see <see cref="Window"/>), bucket documented as an enum.
    /// </summary>
    public static RouteHandlerBuilder WindowedMetric(this RouteHandlerBuilder builder) =>
        builder.RequireAuthorization(Policies.MetricsReader).RequiredQuery("from", "to").QueryEnum<Bucket>("bucket").BadInput().Problems(403, 404);

    /// <summary>
    /// An explain endpoint: as <see cref="WindowedMetric"/>, with <c>figure</c> required and documented as one of
    /// <typeparamref name="TFigure"/>. <paramref name="windowRequired"/> false: some figures need no window.
    /// </summary>
    public static RouteHandlerBuilder ExplainMetric<TFigure>(this RouteHandlerBuilder builder, bool windowRequired = true)
        where TFigure : struct, Enum =>
        builder.RequireAuthorization(Policies.MetricsReader)
            .RequiredQuery(windowRequired ? ["figure", "from", "to"] : ["figure"])
            .QueryEnum<TFigure>("figure").BadInput().Problems(403, 404);
}
