using System.Globalization;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Quotas;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Quotas;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Quotas;

public sealed class QuotaStore(IDbConnectionFactory connections) : SqlStore(connections), IQuotaStore
{
    private const string Columns =
        "q.id AS Id, q.user_id AS UserId, q.period AS Period, q.period_start AS PeriodStart, q.period_end AS PeriodEnd, " +
        "q.kind AS Kind, q.target AS Target, q.created_at AS CreatedAt, q.updated_at AS UpdatedAt, q.version AS Version";

    public static readonly Sql Insert = new("""
        INSERT INTO quotas (id, user_id, period, period_start, period_end, kind, target, created_at, created_by, updated_at, version)
        VALUES (@Id, @UserId, @Period, @PeriodStart, @PeriodEnd, @Kind, @Target, @CreatedAt, @By, @UpdatedAt, @Version)
        """);

    public static readonly Sql InsertHistory = new("""
        INSERT INTO quota_history (id, quota_id, kind, target, changed_at, changed_by, change)
        VALUES (@Id, @QuotaId, @Kind, @Target, @At, @By, @Change)
        """);

    public static readonly Sql Find = new($"SELECT {Columns} FROM quotas q WHERE q.id = @Id AND q.deleted_at IS NULL");

    public static readonly Sql Update = new("""
        UPDATE quotas SET kind = @Kind, target = @Target, updated_at = @At, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql Delete = new(
        "UPDATE quotas SET deleted_at = @At, deleted_by = @By, version = version + 1 WHERE id = @Id AND deleted_at IS NULL");

    public static readonly Sql History = new("""
        SELECT kind AS Kind, target AS Target, changed_at AS ChangedAt, changed_by AS ChangedBy, change AS Change
        FROM quota_history WHERE quota_id = @Id ORDER BY changed_at, id
        """);

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM quotas q
        WHERE q.deleted_at IS NULL
          AND {ScopeSql.OwnerFilter("q.user_id")}
          AND (@UserId IS NULL OR q.user_id = @UserId)
          AND (@TeamId IS NULL OR q.user_id IN (SELECT tu.id FROM users tu WHERE tu.team_id = @TeamId))
          AND (@Period IS NULL OR q.period = @Period)
          AND (@From IS NULL OR q.period_end > @From)
          AND (@To IS NULL OR q.period_start < @To)
          AND {Keyset.Ascending("q.period_start", "q.id", "@AfterStart")}
        ORDER BY q.period_start, q.id
        {"{limit}"}
        """);

    public Task InsertAsync(QuotaDto quota, Guid by, CancellationToken cancellationToken) =>
        WriteUniqueAsync(async write =>
        {
            await write.ExecuteAsync(Insert, new
            {
                quota.Id,
                quota.UserId,
                Period = Name(quota.Period),
                quota.PeriodStart,
                quota.PeriodEnd,
                Kind = Name(quota.Kind),
                quota.Target,
                quota.CreatedAt,
                By = by,
                quota.UpdatedAt,
                quota.Version,
            });
            return await AppendHistoryAsync(write, quota.Id, quota.Kind, quota.Target, quota.CreatedAt, by, "created");
        }, cancellationToken);

    public async Task<QuotaDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<QuotaRow>(Find, new { Id = id }, cancellationToken))?.ToDto();

    public Task<bool> UpdateAsync(
        Guid id, QuotaKind kind, decimal target, int expectedVersion, Guid by, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var updated = await write.ExecuteAsync(Update, new { Id = id, Kind = Name(kind), Target = target, At = at, ExpectedVersion = expectedVersion });
            if (updated == 1)
            {
                await AppendHistoryAsync(write, id, kind, target, at, by, "updated");
            }

            return updated == 1;
        }, cancellationToken);

    public Task DeleteAsync(Guid id, Guid by, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var quota = await write.QuerySingleOrDefaultAsync<QuotaRow>(Find, new { Id = id });
            if (quota is not null && await write.ExecuteAsync(Delete, new { Id = id, By = by, At = at }) == 1)
            {
                await AppendHistoryAsync(write, id, quota.ToDto().Kind, quota.Target, at, by, "deleted");
            }

            return 0;
        }, cancellationToken);

    public async Task<Page<QuotaDto>> ListAsync(QuotaListFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(ScopeSql.Parameters(filter.Scope));
        parameters.AddDynamicParams(new
        {
            filter.UserId,
            filter.TeamId,
            Period = filter.Period is { } period ? Name(period) : null,
            filter.From,
            filter.To,
            AfterStart = filter.After is { } after ? DateOnly.ParseExact(after.SortKey, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null,
            AfterId = filter.After?.Id,
            Limit = filter.Limit + 1,
        });
        var rows = await QueryAsync<QuotaRow>(List, parameters, cancellationToken);
        var page = PageBuilder.From(rows, filter.Limit, r => r.Id, r => r.ToDto());
        return page.NextCursor is null
            ? page
            : page with { NextCursor = KeysetCursor.Encode(page.Items[^1].PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Items[^1].Id) };
    }

    public async Task<IReadOnlyList<QuotaChangeDto>> HistoryAsync(Guid id, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<HistoryRow>(History, new { Id = id }, cancellationToken)).Select(h => h.ToDto())];

    private Task WriteUniqueAsync(Func<WriteScope, Task<int>> work, CancellationToken cancellationToken) =>
        UniqueAsync(() => WriteAsync(work, cancellationToken), "periodStart", "This rep already has a quota for this period; update it instead.");

    private static Task<int> AppendHistoryAsync(WriteScope write, Guid quotaId, QuotaKind kind, decimal target, DateTimeOffset at, Guid by, string change) =>
        write.ExecuteAsync(InsertHistory, new { Id = Ids.New(), QuotaId = quotaId, Kind = Name(kind), Target = target, At = at, By = by, Change = change });

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private sealed class QuotaRow
    {
        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public string Period { get; init; } = "";

        public DateOnly PeriodStart { get; init; }

        public DateOnly PeriodEnd { get; init; }

        public string Kind { get; init; } = "";

        public decimal Target { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }

        public QuotaDto ToDto() => new(
            Id, UserId, Enum.Parse<QuotaPeriod>(Period, ignoreCase: true), PeriodStart, PeriodEnd,
            Enum.Parse<QuotaKind>(Kind, ignoreCase: true), Target, CreatedAt, UpdatedAt, Version);
    }

    private sealed class HistoryRow
    {
        public string Kind { get; init; } = "";

        public decimal Target { get; init; }

        public DateTimeOffset ChangedAt { get; init; }

        public Guid ChangedBy { get; init; }

        public string Change { get; init; } = "";

        public QuotaChangeDto ToDto() => new(Enum.Parse<QuotaKind>(Kind, ignoreCase: true), Target, ChangedAt, ChangedBy, Change);
    }
}
