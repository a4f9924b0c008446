using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.LostReasons;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.LostReasons;

public sealed class LostReasonStore(IDbConnectionFactory connections) : SqlStore(connections), ILostReasonStore
{
    private const string Columns = "id AS Id, name AS Name, created_at AS CreatedAt, archived_at AS ArchivedAt";

    public static readonly Sql Find = new($"SELECT {Columns} FROM lost_reasons WHERE id = @Id");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM lost_reasons
        WHERE (@IncludeArchived = 1 OR archived_at IS NULL)
          AND (@After IS NULL OR id > @After)
        ORDER BY id
        {"{limit}"}
        """);

    public static readonly Sql Insert = new(
        "INSERT INTO lost_reasons (id, name, created_at, archived_at) VALUES (@Id, @Name, @CreatedAt, NULL)");

    public static readonly Sql Archive = new("UPDATE lost_reasons SET archived_at = @ArchivedAt WHERE id = @Id AND archived_at IS NULL");

    public async Task<LostReasonDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<LostReasonRow>(Find, new { Id = id }, cancellationToken))?.ToDto();

    public async Task<Page<LostReasonDto>> ListAsync(bool includeArchived, int limit, Guid? after, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<LostReasonRow>(
            List, new { IncludeArchived = includeArchived ? 1 : 0, After = after, Limit = limit + 1 }, cancellationToken);
        return PageBuilder.From(rows, limit, r => r.Id, r => r.ToDto());
    }

    public Task InsertAsync(LostReasonDto reason, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(Insert, new { reason.Id, reason.Name, reason.CreatedAt }, "name", "A lost reason with this name already exists.", cancellationToken);

    public Task ArchiveAsync(Guid id, DateTimeOffset archivedAt, CancellationToken cancellationToken) =>
        ExecuteAsync(Archive, new { Id = id, ArchivedAt = archivedAt }, cancellationToken);

    private sealed class LostReasonRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? ArchivedAt { get; init; }

        public LostReasonDto ToDto() => new(Id, Name, CreatedAt, ArchivedAt);
    }
}
