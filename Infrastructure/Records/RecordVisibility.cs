using SalesCrm.Application.Common.Records;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Records;

public sealed class RecordVisibility(IDbConnectionFactory connections) : SqlStore(connections), IRecordVisibility
{
    public static readonly Sql Lead = OwnerOf("leads");
    public static readonly Sql Contact = OwnerOf("contacts");
    public static readonly Sql Account = OwnerOf("accounts");
    public static readonly Sql Opportunity = OwnerOf("opportunities");

    public async Task<RecordOwner?> FindOwnerAsync(RecordKind kind, Guid id, CancellationToken cancellationToken)
    {
        var sql = kind switch
        {
            RecordKind.Lead => Lead,
            RecordKind.Contact => Contact,
            RecordKind.Account => Account,
            _ => Opportunity,
        };
        var row = await QuerySingleOrDefaultAsync<OwnerRow>(sql, new { Id = id }, cancellationToken);
        return row is null ? null : new RecordOwner(row.OwnerId, row.OwnerTeamId);
    }

    private sealed class OwnerRow
    {
        public Guid OwnerId { get; init; }

        public Guid? OwnerTeamId { get; init; }
    }

    private static Sql OwnerOf(string table) => new($"""
        SELECT r.owner_id AS OwnerId, u.team_id AS OwnerTeamId
        FROM {table} r JOIN users u ON u.id = r.owner_id
        WHERE r.id = @Id AND r.deleted_at IS NULL
        """);
}
