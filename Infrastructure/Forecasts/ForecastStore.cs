using SalesCrm.Application.Forecasts;
using SalesCrm.Application.Metrics.Common;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Forecasts;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.Infrastructure.Forecasts;

/// <summary>
/// The deals forecasts read: won ones by close time (index ix_opportunities_won_deals), open ones by expected close date
/// (ix_opportunities_expected_close and its per-owner twin, migration 0022), and the forecast category writes.
/// </summary>
public sealed class ForecastStore(IDbConnectionFactory connections) : SqlStore(connections), IForecastStore
{
    /// <summary>The deals of the subject and pipeline, soft-deleted ones never.</summary>
    private static readonly string Deals = $"o.deleted_at IS NULL AND {MetricSql.Subject("o.owner_id")} AND {MetricSql.Pipeline("o.pipeline_id")}";

    public static readonly Sql WonDeals = new($"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt, o.closed_at AS ClosedAt
        FROM opportunities o
        WHERE o.outcome = 'won' AND o.closed_at >= @From AND o.closed_at < @To AND {Deals}
        """);

    public static readonly Sql OpenDeals = new($"""
        SELECT o.id AS Id, o.owner_id AS OwnerId, o.name AS Name, o.amount AS Amount, o.created_at AS CreatedAt,
               s.id AS StageId, s.name AS StageName, s.probability AS Probability, o.forecast_category AS Category
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        WHERE o.outcome IS NULL AND s.kind = 'open' AND o.expected_close_date >= @FromDay AND o.expected_close_date < @ToDay AND {Deals}
        """);

    public static readonly Sql OpenWithoutCloseDate = new($"""
        SELECT COUNT(*) AS Count, COALESCE(SUM(o.amount), 0) AS Amount
        FROM opportunities o
        JOIN stages s ON s.id = o.stage_id
        WHERE o.outcome IS NULL AND s.kind = 'open' AND o.expected_close_date IS NULL AND {Deals}
        """);

    public static readonly Sql SetCategory = new("""
        UPDATE opportunities SET forecast_category = @Category, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public async Task<IReadOnlyList<WonForecastDeal>> WonDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        (await QueryAsync<WonRow>(WonDeals, Parameters(subject, pipelineId, new { From = from, To = to }), cancellationToken))
            .Select(r => new WonForecastDeal(r.Id, r.OwnerId, r.Name, r.Amount, r.CreatedAt, r.ClosedAt))
            .ToList();

    public async Task<IReadOnlyList<OpenForecastDeal>> OpenDealsAsync(
        MetricSubject subject, Guid? pipelineId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await QueryAsync<OpenRow>(OpenDeals, Parameters(subject, pipelineId, new { FromDay = from, ToDay = to }), cancellationToken))
            .Select(r => new OpenForecastDeal(
                r.Id, r.OwnerId, r.Name, r.Amount, r.CreatedAt, r.StageId, r.StageName, r.Probability, EnumNames.Parse<ForecastCategory>(r.Category)))
            .ToList();

    public async Task<DealTotal> OpenWithoutCloseDateAsync(MetricSubject subject, Guid? pipelineId, CancellationToken cancellationToken)
    {
        var row = (await QueryAsync<TotalRow>(OpenWithoutCloseDate, Parameters(subject, pipelineId, null), cancellationToken))[0];
        return new DealTotal(row.Count, row.Amount);
    }

    public async Task<bool> SetCategoryAsync(Guid opportunityId, ForecastCategory category, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(SetCategory, new { Id = opportunityId, Category = category.ToName(), ExpectedVersion = expectedVersion }, cancellationToken) == 1;

    private static Dapper.DynamicParameters Parameters(MetricSubject subject, Guid? pipelineId, object? extra)
    {
        var parameters = new Dapper.DynamicParameters(new { SubjectUserId = subject.UserId, SubjectTeamId = subject.TeamId, PipelineId = pipelineId });
        parameters.AddDynamicParams(extra);
        return parameters;
    }

    private sealed class WonRow
    {
        public Guid Id { get; init; }

        public Guid OwnerId { get; init; }

        public string Name { get; init; } = "";

        public decimal Amount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ClosedAt { get; init; }
    }

    private sealed class OpenRow
    {
        public Guid Id { get; init; }

        public Guid OwnerId { get; init; }

        public string Name { get; init; } = "";

        public decimal Amount { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public Guid StageId { get; init; }

        public string StageName { get; init; } = "";

        public int Probability { get; init; }

        public string Category { get; init; } = "";
    }

    private sealed class TotalRow
    {
        public long Count { get; init; }

        public decimal Amount { get; init; }
    }
}
