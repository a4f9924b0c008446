using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.People;

public sealed class UserStore(IDbConnectionFactory connections) : SqlStore(connections), IUserStore
{
    private const string Columns =
        "id AS Id, email AS Email, display_name AS DisplayName, role AS Role, team_id AS TeamId, " +
        "password_hash AS PasswordHash, is_active AS IsActive, created_at AS CreatedAt, started_on AS StartedOn, version AS Version";

    public static readonly Sql Any = new("SELECT COUNT(*) FROM users");

    public static readonly Sql FindById = new($"SELECT {Columns} FROM users WHERE id = @Id");

    public static readonly Sql FindByEmail = new($"SELECT {Columns} FROM users WHERE email = @Email");

    public static readonly Sql Insert = new("""
        INSERT INTO users (id, email, display_name, role, team_id, password_hash, is_active, created_at, started_on, version)
        VALUES (@Id, @Email, @DisplayName, @Role, @TeamId, @PasswordHash, @IsActive, @CreatedAt, @StartedOn, @Version)
        """);

    public static readonly Sql Update = new("""
        UPDATE users
        SET display_name = @DisplayName, role = @Role, team_id = @TeamId, is_active = @IsActive, started_on = @StartedOn, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion
        """);

    public static readonly Sql SetPassword = new("UPDATE users SET password_hash = @PasswordHash WHERE id = @Id");

    public static readonly Sql List = new($"""
        SELECT {Columns} FROM users
        WHERE (@TeamId IS NULL OR team_id = @TeamId)
          AND (@IsActive IS NULL OR is_active = @IsActive)
          AND (@Search IS NULL OR email LIKE @Search {Records.RecordSql.LikeEscape} OR display_name LIKE @Search {Records.RecordSql.LikeEscape})
          AND (@After IS NULL OR id > @After)
        ORDER BY id
        {"{limit}"}
        """);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync<long>(Any, null, cancellationToken) > 0;

    public Task<UserRecord?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        QuerySingleOrDefaultAsync<UserRecord>(FindById, new { Id = id }, cancellationToken);

    public Task<UserRecord?> FindByEmailAsync(string normalisedEmail, CancellationToken cancellationToken) =>
        QuerySingleOrDefaultAsync<UserRecord>(FindByEmail, new { Email = normalisedEmail }, cancellationToken);

    public Task InsertAsync(UserRecord user, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(Insert, Parameters(user), "email", "A user with this email already exists.", cancellationToken);

    public async Task<bool> UpdateAsync(UserRecord user, int expectedVersion, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(Parameters(user));
        parameters.Add("ExpectedVersion", expectedVersion);
        return await ExecuteAsync(Update, parameters, cancellationToken) == 1;
    }

    public Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken) =>
        ExecuteAsync(SetPassword, new { Id = id, PasswordHash = passwordHash }, cancellationToken);

    public async Task<Page<UserDto>> ListAsync(UserListFilter filter, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<UserRecord>(
            List,
            new { filter.TeamId, filter.IsActive, filter.After, Search = Records.RecordSql.Contains(filter.Search), Limit = filter.Limit + 1 },
            cancellationToken);
        return PageBuilder.From(rows, filter.Limit, u => u.Id, u => u.ToDto());
    }

    private static object Parameters(UserRecord user) => new
    {
        user.Id,
        user.Email,
        user.DisplayName,
        Role = user.Role.ToName(),
        user.TeamId,
        user.PasswordHash,
        user.IsActive,
        user.CreatedAt,
        user.StartedOn,
        user.Version,
    };
}
