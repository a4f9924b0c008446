using SalesCrm.Application.Readiness;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Readiness;

public sealed class CertificationStore(IDbConnectionFactory connections) : SqlStore(connections), ICertificationStore
{
    private const string Columns =
        "c.id AS Id, c.name AS Name, c.required AS Required, c.validity_months AS ValidityMonths, c.created_at AS CreatedAt, " +
        "c.updated_at AS UpdatedAt, c.archived_at AS ArchivedAt, c.version AS Version";

    private const string TakenName = "A certification with this name already exists.";

    public static readonly Sql Insert = new("""
        INSERT INTO certifications (id, name, name_key, required, validity_months, created_at, updated_at, archived_at, version)
        VALUES (@Id, @Name, @NameKey, @Required, @ValidityMonths, @CreatedAt, @UpdatedAt, NULL, @Version)
        """);

    public static readonly Sql Find = new($"SELECT {Columns} FROM certifications c WHERE c.id = @Id");

    public static readonly Sql Update = new("""
        UPDATE certifications
        SET name = @Name, name_key = @NameKey, required = @Required, validity_months = @ValidityMonths, updated_at = @UpdatedAt, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion
        """);

    public static readonly Sql Archive = new(
        "UPDATE certifications SET archived_at = @At, updated_at = @At, version = version + 1 WHERE id = @Id AND archived_at IS NULL");

    public static readonly Sql DeleteUnused = new(
        "DELETE FROM certifications WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM assessments a WHERE a.certification_id = @Id)");

    public static readonly Sql List = new(
        $"SELECT {Columns} FROM certifications c WHERE (@IncludeArchived = 1 OR c.archived_at IS NULL) ORDER BY c.name_key, c.id");

    public Task InsertAsync(CertificationDto certification, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(Insert, Parameters(certification), "name", TakenName, cancellationToken);

    public async Task<CertificationDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<CertificationRow>(Find, new { Id = id }, cancellationToken))?.ToDto();

    public async Task<bool> UpdateAsync(CertificationDto certification, int expectedVersion, CancellationToken cancellationToken)
    {
        var parameters = new Dapper.DynamicParameters(Parameters(certification));
        parameters.Add("ExpectedVersion", expectedVersion);
        return await UniqueAsync(() => ExecuteAsync(Update, parameters, cancellationToken), "name", TakenName) == 1;
    }

    public Task ArchiveAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync(Archive, new { Id = id, At = at }, cancellationToken);

    public async Task<bool> DeleteUnusedAsync(Guid id, CancellationToken cancellationToken) =>
        await ExecuteAsync(DeleteUnused, new { Id = id }, cancellationToken) == 1;

    public async Task<IReadOnlyList<CertificationDto>> ListAsync(bool includeArchived, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<CertificationRow>(List, new { IncludeArchived = includeArchived ? 1 : 0 }, cancellationToken)).Select(r => r.ToDto())];

    private static object Parameters(CertificationDto c) => new
    {
        c.Id,
        c.Name,
        NameKey = c.Name.ToUpperInvariant(),
        c.Required,
        c.ValidityMonths,
        c.CreatedAt,
        c.UpdatedAt,
        c.Version,
    };
}
