using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.People;

public interface IUserStore
{
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    Task<UserRecord?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<UserRecord?> FindByEmailAsync(string normalisedEmail, CancellationToken cancellationToken);

    /// <summary>Inserts the user; throws <see cref="Common.Errors.ConflictException"/> when the email is taken.</summary>
    Task InsertAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Writes role, team, name and active flag when <paramref name="expectedVersion"/> still matches.</summary>
    Task<bool> UpdateAsync(UserRecord user, int expectedVersion, CancellationToken cancellationToken);

    Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken);

    Task<Page<UserDto>> ListAsync(UserListFilter filter, CancellationToken cancellationToken);
}

public sealed record UserListFilter(Guid? TeamId, bool? IsActive, int Limit, Guid? After, string? Search = null);
