using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics;

/// <summary>
/// A store of metric queries: figures grouped by span (<see cref="SpanQueryAsync{T}"/>) and explain pages.
/// An explain statement selects <c>Kind, Id, At, OwnerId, Label, Amount, Value, OpportunityId</c> from a
/// derived table <c>x</c>, ends with <see cref="ExplainPageEnd"/>, and reads the same rows the figure counted;
/// <c>@Figure</c> is bound to the figure's wire name (<c>connected_calls</c>).
/// </summary>
public abstract class MetricStore(IDbConnectionFactory connections) : SqlStore(connections)
{
    /// <summary>Keyset paging over the explain rows, oldest first.</summary>
    protected const string ExplainPageEnd =
        "WHERE (@AfterAt IS NULL OR x.At > @AfterAt OR (x.At = @AfterAt AND x.Id > @AfterId)) ORDER BY x.At, x.Id {limit}";

    protected Task<IReadOnlyList<T>> SpanQueryAsync<T>(Sql sql, MetricScope scope, DateTimeOffset now, object? extra, CancellationToken cancellationToken)
    {
        var parameters = MetricSql.Parameters(scope, now);
        parameters.AddDynamicParams(extra);
        return QueryAsync<T>(sql, parameters, cancellationToken);
    }

    protected async Task<Page<MetricRecord>> ExplainAsync<TFigure>(
        Sql sql, ExplainRequest<TFigure> request, DateTimeOffset now, object? extra, CancellationToken cancellationToken)
        where TFigure : struct, Enum
    {
        var parameters = MetricSql.Parameters(request.Scope, now);
        parameters.AddDynamicParams(extra);
        parameters.AddDynamicParams(new { Figure = request.Figure.ToName(), AfterAt = request.After?.At, AfterId = request.After?.Id, Limit = request.Limit + 1 });
        var rows = await QueryAsync<ExplainRow>(sql, parameters, cancellationToken);
        var items = rows.Take(request.Limit).Select(r => r.ToRecord()).ToList();
        return new Page<MetricRecord>(items, rows.Count > request.Limit ? ExplainPaging.Encode(items[^1]) : null);
    }

    /// <summary>The explain rows <paramref name="sql"/> reads (its columns as <see cref="ExplainPageEnd"/>'s statements select them), for a store that builds a page from more than one read.</summary>
    protected async Task<IReadOnlyList<MetricRecord>> ExplainRowsAsync(Sql sql, object parameters, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<ExplainRow>(sql, parameters, cancellationToken)).Select(r => r.ToRecord())];

    private sealed class ExplainRow
    {
        public string Kind { get; init; } = "";

        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public Guid OwnerId { get; init; }

        public string? Label { get; init; }

        public decimal? Amount { get; init; }

        public double? Value { get; init; }

        public Guid? OpportunityId { get; init; }

        public MetricRecord ToRecord() =>
            new(EnumNames.Parse<MetricRecordKind>(Kind), Id, At, OwnerId, Label, Amount, Value, OpportunityId);
    }
}
