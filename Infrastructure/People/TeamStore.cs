using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.People;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.People;

public sealed class TeamStore(IDbConnectionFactory connections) : SqlStore(connections), ITeamStore
{
    private const string Columns = "id AS Id, name AS Name, created_at AS CreatedAt, version AS Version";

    public static readonly Sql Find = new($"SELECT {Columns} FROM teams WHERE id = @Id");

    public static readonly Sql Insert = new(
        "INSERT INTO teams (id, name, created_at, version) VALUES (@Id, @Name, @CreatedAt, @Version)");

    public static readonly Sql Rename = new(
        "UPDATE teams SET name = @Name, version = version + 1 WHERE id = @Id AND version = @ExpectedVersion");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM teams
        WHERE (@After IS NULL OR id > @After)
        ORDER BY id
        {"{limit}"}
        """);

    private const string NameTaken = "A team with this name already exists.";

    public async Task<TeamDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<TeamRow>(Find, new { Id = id }, cancellationToken))?.ToDto();

    public Task InsertAsync(TeamDto team, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(Insert, team, "name", NameTaken, cancellationToken);

    public async Task<bool> RenameAsync(Guid id, string name, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteUniqueAsync(
            Rename, new { Id = id, Name = name, ExpectedVersion = expectedVersion }, "name", NameTaken, cancellationToken) == 1;

    public async Task<Page<TeamDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<TeamRow>(List, new { After = after, Limit = limit + 1 }, cancellationToken);
        return PageBuilder.From(rows, limit, r => r.Id, r => r.ToDto());
    }

    private sealed class TeamRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public int Version { get; init; }

        public TeamDto ToDto() => new(Id, Name, CreatedAt, Version);
    }
}
