using System.Globalization;
using FluentValidation;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Validation;

namespace SalesCrm.Application.Metrics.Common;

/// <summary>
/// A drill-down: the records behind one figure of a metric, for the same window, subject and pipeline, oldest
/// first, paginated. <typeparamref name="TFigure"/> names the figures an area can explain.
/// </summary>
public interface IExplainQuery<TFigure> : IPipelineMetricQuery, IPageRequest
    where TFigure : struct, Enum
{
    TFigure Figure { get; }
}

/// <summary>Where an explain page starts: after the record at this instant and id (keyset, stable under inserts).</summary>
public sealed record ExplainPosition(DateTimeOffset At, Guid Id);

/// <summary>What an explain store is asked for: the resolved scope, a page size, and where the previous page ended.</summary>
public sealed record ExplainRequest<TFigure>(MetricScope Scope, TFigure Figure, int Limit, ExplainPosition? After)
    where TFigure : struct, Enum;

public static class ExplainPaging
{
    public static ExplainRequest<TFigure> Request<TFigure>(MetricScope scope, IExplainQuery<TFigure> query)
        where TFigure : struct, Enum =>
        new(scope, query.Figure, query.LimitOrDefault(), Decode(query.Cursor));

    public static string Encode(MetricRecord last) =>
        KeysetCursor.Encode(last.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), last.Id);

    private static ExplainPosition? Decode(string? cursor) =>
        KeysetCursor.Decode(cursor) is not { } key ? null
        : long.TryParse(key.SortKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? new ExplainPosition(DateTimeOffset.FromUnixTimeMilliseconds(ms), key.Id)
        : throw RequestValidationException.For("cursor", "The cursor is not one this API issued.");
}

public static class ExplainRules
{
    /// <summary>The window rules of every metric, a known figure, and the page rules.</summary>
    public static void AddExplainRules<T, TFigure>(this AbstractValidator<T> validator)
        where T : IExplainQuery<TFigure>
        where TFigure : struct, Enum
    {
        validator.AddWindowRules();
        validator.RuleFor(x => x.Figure).IsInEnum();
        validator.AddPageRules();
    }
}
