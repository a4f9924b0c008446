using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Contacts;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Contacts;

public sealed class ContactStore(IDbConnectionFactory connections)
    : RecordStore<ContactRecord>(connections, new(FindById, FindByExternalId, SetOwner, SoftDelete, Restore, ListByName, ListByNewest)), IContactStore
{
    private const string Select = """
        SELECT c.id AS Id, c.account_id AS AccountId, c.first_name AS FirstName, c.last_name AS LastName, c.email AS Email,
               c.phone AS Phone, c.title AS Title, c.owner_id AS OwnerId, u.team_id AS OwnerTeamId, c.created_at AS CreatedAt,
               c.created_by AS CreatedBy, c.external_source AS ExternalSource, c.external_id AS ExternalId,
               c.deleted_at AS DeletedAt, c.deleted_by AS DeletedBy, c.version AS Version
        FROM contacts c JOIN users u ON u.id = c.owner_id
        """;

    /// <summary>"Last First", the name a contact list sorts and searches by; concatenation is the one dialect difference.</summary>
    private const string SqliteFullName = "c.last_name || ' ' || c.first_name";
    private const string SqlServerFullName = "c.last_name + ' ' + c.first_name";
    private const string SqliteFirstLast = "c.first_name || ' ' || c.last_name";
    private const string SqlServerFirstLast = "c.first_name + ' ' + c.last_name";

    public static readonly Sql FindById = RecordSql.FindById(Select, "c");

    public static readonly Sql FindByExternalId = RecordSql.FindByExternalId(Select, "c");

    public static readonly Sql Insert = new("""
        INSERT INTO contacts (id, account_id, first_name, last_name, email, phone, title, owner_id, created_at, created_by,
                              external_source, external_id, version)
        VALUES (@Id, @AccountId, @FirstName, @LastName, @Email, @Phone, @Title, @OwnerId, @CreatedAt, @CreatedBy,
                @ExternalSource, @ExternalId, @Version)
        """);

    public static readonly Sql Update = new("""
        UPDATE contacts
        SET account_id = @AccountId, first_name = @FirstName, last_name = @LastName, email = @Email, phone = @Phone,
            title = @Title, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql SetOwner = RecordSql.SetOwner("contacts");

    public static readonly Sql SoftDelete = RecordSql.SoftDelete("contacts");

    public static readonly Sql Restore = RecordSql.Restore("contacts");

    public static readonly Sql ListByName = List(ListSort.Name);

    public static readonly Sql ListByNewest = List(ListSort.Newest);

    public override Task<bool> TryInsertAsync(ContactRecord contact, CancellationToken cancellationToken) =>
        TryExecuteUniqueAsync(Insert, InsertParameters(contact), cancellationToken);

    public async Task<bool> UpdateAsync(ContactRecord contact, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Update, new
        {
            contact.Id,
            contact.AccountId,
            contact.FirstName,
            contact.LastName,
            contact.Email,
            contact.Phone,
            contact.Title,
            contact.Version,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public Task<Page<ContactDto>> ListAsync(ContactListFilter filter, CancellationToken cancellationToken) =>
        ListPageAsync(
            filter.Page,
            new
            {
                filter.OwnerId,
                filter.TeamId,
                filter.AccountId,
                Search = RecordSql.Contains(filter.Search),
                filter.CreatedFrom,
                filter.CreatedTo,
            },
            c => (c.SortName, c.CreatedAt, c.Id),
            c => c.ToDto(),
            cancellationToken);

    /// <summary>The columns of a new contact, for this store and for lead conversion.</summary>
    public static object InsertParameters(ContactRecord contact) => new
    {
        contact.Id,
        contact.AccountId,
        contact.FirstName,
        contact.LastName,
        contact.Email,
        contact.Phone,
        contact.Title,
        contact.OwnerId,
        contact.CreatedAt,
        contact.CreatedBy,
        contact.ExternalSource,
        contact.ExternalId,
        contact.Version,
    };

    private static Sql List(ListSort sort) => new(
        ListText(sort, SqliteFullName, SqliteFirstLast),
        ListText(sort, SqlServerFullName, SqlServerFirstLast));

    private static string ListText(ListSort sort, string fullName, string firstLast)
    {
        var (keyset, order) = RecordSql.Sorted(sort, "c", fullName);
        var like = RecordSql.LikeEscape;
        return $"""
            {Select}
            WHERE c.deleted_at IS NULL
              AND (@OwnerId IS NULL OR c.owner_id = @OwnerId)
              AND (@TeamId IS NULL OR u.team_id = @TeamId)
              AND (@AccountId IS NULL OR c.account_id = @AccountId)
              AND (@Search IS NULL OR {firstLast} LIKE @Search {like} OR {fullName} LIKE @Search {like} OR c.email LIKE @Search {like})
              AND (@CreatedFrom IS NULL OR c.created_at >= @CreatedFrom)
              AND (@CreatedTo IS NULL OR c.created_at < @CreatedTo)
              AND {keyset}
            {order}
            {"{limit}"}
            """;
    }
}
