using System.Globalization;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.TimeEntries;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.TimeEntries;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.TimeEntries;

public sealed class TimeEntryStore(IDbConnectionFactory connections) : SqlStore(connections), ITimeEntryStore
{
    private const string Columns =
        "t.id AS Id, t.owner_id AS OwnerId, t.kind AS Kind, t.occurred_at AS OccurredAt, t.duration_minutes AS DurationMinutes, " +
        "t.note AS Note, t.created_at AS CreatedAt, t.updated_at AS UpdatedAt, t.version AS Version";

    public static readonly Sql Insert = new("""
        INSERT INTO time_entries (id, owner_id, kind, occurred_at, duration_minutes, note, created_at, created_by, updated_at, version)
        VALUES (@Id, @OwnerId, @Kind, @OccurredAt, @DurationMinutes, @Note, @CreatedAt, @By, @UpdatedAt, @Version)
        """);

    public static readonly Sql Find = new($"""
        SELECT {Columns} FROM time_entries t
        WHERE t.id = @Id AND t.deleted_at IS NULL AND {ScopeSql.OwnerFilter("t.owner_id")}
        """);

    public static readonly Sql Update = new("""
        UPDATE time_entries SET kind = @Kind, occurred_at = @OccurredAt, duration_minutes = @DurationMinutes, note = @Note,
               updated_at = @UpdatedAt, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql Delete = new(
        "UPDATE time_entries SET deleted_at = @At, deleted_by = @By, version = version + 1 WHERE id = @Id AND deleted_at IS NULL");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM time_entries t
        WHERE t.deleted_at IS NULL
          AND {ScopeSql.OwnerFilter("t.owner_id")}
          AND (@OwnerId IS NULL OR t.owner_id = @OwnerId)
          AND (@TeamId IS NULL OR t.owner_id IN (SELECT tu.id FROM users tu WHERE tu.team_id = @TeamId))
          AND (@Kind IS NULL OR t.kind = @Kind)
          AND (@From IS NULL OR t.occurred_at >= @From)
          AND (@To IS NULL OR t.occurred_at < @To)
          AND {Keyset.Descending("t.occurred_at", "t.id")}
        ORDER BY t.occurred_at DESC, t.id DESC
        {"{limit}"}
        """);

    public Task InsertAsync(TimeEntryDto entry, Guid by, CancellationToken cancellationToken) =>
        ExecuteAsync(Insert, new
        {
            entry.Id,
            entry.OwnerId,
            Kind = entry.Kind.ToName(),
            entry.OccurredAt,
            entry.DurationMinutes,
            entry.Note,
            entry.CreatedAt,
            By = by,
            entry.UpdatedAt,
            entry.Version,
        }, cancellationToken);

    public async Task<TimeEntryDto?> FindAsync(Guid id, OwnerScope scope, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(ScopeSql.Parameters(scope));
        parameters.Add("Id", id);
        return (await QuerySingleOrDefaultAsync<TimeEntryRow>(Find, parameters, cancellationToken))?.ToDto();
    }

    public async Task<bool> UpdateAsync(TimeEntryDto entry, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Update, new
        {
            entry.Id,
            Kind = entry.Kind.ToName(),
            entry.OccurredAt,
            entry.DurationMinutes,
            entry.Note,
            entry.UpdatedAt,
            entry.Version,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public Task DeleteAsync(Guid id, Guid by, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(Delete, new { Id = id, By = by, At = at }, cancellationToken);

    public async Task<Page<TimeEntryDto>> ListAsync(TimeEntryListFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(ScopeSql.Parameters(filter.Scope));
        parameters.AddDynamicParams(new
        {
            filter.OwnerId,
            filter.TeamId,
            Kind = filter.Kind?.ToName(),
            filter.From,
            filter.To,
            AfterAt = filter.After is { } after ? ParseCursorTime(after.SortKey) : (DateTimeOffset?)null,
            AfterId = filter.After?.Id,
            Limit = filter.Limit + 1,
        });
        var rows = await QueryAsync<TimeEntryRow>(List, parameters, cancellationToken);
        var page = PageBuilder.From(rows, filter.Limit, r => r.Id, r => r.ToDto());
        return page.NextCursor is null
            ? page
            : page with { NextCursor = KeysetCursor.Encode(page.Items[^1].OccurredAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), page.Items[^1].Id) };
    }

    private static DateTimeOffset ParseCursorTime(string sortKey) =>
        long.TryParse(sortKey, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw Application.Common.Errors.RequestValidationException.For("cursor", "The cursor is not one this API issued.");

    private sealed class TimeEntryRow
    {
        public Guid Id { get; init; }

        public Guid OwnerId { get; init; }

        public string Kind { get; init; } = "";

        public DateTimeOffset OccurredAt { get; init; }

        public int DurationMinutes { get; init; }

        public string? Note { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }

        public TimeEntryDto ToDto() => new(
            Id, OwnerId, EnumNames.Parse<TimeEntryKind>(Kind), OccurredAt, DurationMinutes, Note, CreatedAt, UpdatedAt, Version);
    }
}
