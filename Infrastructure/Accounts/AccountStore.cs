using SalesCrm.Application.Accounts;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Accounts;

public sealed class AccountStore(IDbConnectionFactory connections)
    : RecordStore<AccountRecord>(connections, new(FindById, FindByExternalId, SetOwner, SoftDelete, Restore, ListByName, ListByNewest)), IAccountStore
{
    private const string Select = """
        SELECT a.id AS Id, a.name AS Name, a.domain AS Domain, a.industry AS Industry, a.owner_id AS OwnerId,
               u.team_id AS OwnerTeamId, a.created_at AS CreatedAt, a.created_by AS CreatedBy,
               a.external_source AS ExternalSource, a.external_id AS ExternalId, a.deleted_at AS DeletedAt,
               a.deleted_by AS DeletedBy, a.version AS Version
        FROM accounts a JOIN users u ON u.id = a.owner_id
        """;

    public static readonly Sql FindById = RecordSql.FindById(Select, "a");

    public static readonly Sql FindByExternalId = RecordSql.FindByExternalId(Select, "a");

    public static readonly Sql Insert = new("""
        INSERT INTO accounts (id, name, domain, industry, owner_id, created_at, created_by, external_source, external_id, version)
        VALUES (@Id, @Name, @Domain, @Industry, @OwnerId, @CreatedAt, @CreatedBy, @ExternalSource, @ExternalId, @Version)
        """);

    public static readonly Sql Update = new("""
        UPDATE accounts SET name = @Name, domain = @Domain, industry = @Industry, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql SetOwner = RecordSql.SetOwner("accounts");

    public static readonly Sql SoftDelete = RecordSql.SoftDelete("accounts");

    public static readonly Sql Restore = RecordSql.Restore("accounts");

    public static readonly Sql ListByName = List(ListSort.Name);

    public static readonly Sql ListByNewest = List(ListSort.Newest);

    public override Task<bool> TryInsertAsync(AccountRecord account, CancellationToken cancellationToken) =>
        TryExecuteUniqueAsync(Insert, InsertParameters(account), cancellationToken);

    public async Task<bool> UpdateAsync(AccountRecord account, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Update, new
        {
            account.Id,
            account.Name,
            account.Domain,
            account.Industry,
            account.Version,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public Task<Page<AccountDto>> ListAsync(AccountListFilter filter, CancellationToken cancellationToken) =>
        ListPageAsync(
            filter.Page,
            new { filter.OwnerId, filter.TeamId, Search = RecordSql.Contains(filter.Search), filter.CreatedFrom, filter.CreatedTo },
            a => (a.Name, a.CreatedAt, a.Id),
            a => a.ToDto(),
            cancellationToken);

    /// <summary>The columns of a new account, for this store and for lead conversion.</summary>
    public static object InsertParameters(AccountRecord account) => new
    {
        account.Id,
        account.Name,
        account.Domain,
        account.Industry,
        account.OwnerId,
        account.CreatedAt,
        account.CreatedBy,
        account.ExternalSource,
        account.ExternalId,
        account.Version,
    };

    private static Sql List(ListSort sort)
    {
        var (keyset, order) = RecordSql.Sorted(sort, "a", "a.name");
        return new Sql($"""
            {Select}
            WHERE a.deleted_at IS NULL
              AND (@OwnerId IS NULL OR a.owner_id = @OwnerId)
              AND (@TeamId IS NULL OR u.team_id = @TeamId)
              AND (@Search IS NULL OR a.name LIKE @Search {RecordSql.LikeEscape} OR a.domain LIKE @Search {RecordSql.LikeEscape})
              AND (@CreatedFrom IS NULL OR a.created_at >= @CreatedFrom)
              AND (@CreatedTo IS NULL OR a.created_at < @CreatedTo)
              AND {keyset}
            {order}
            {"{limit}"}
            """);
    }
}
