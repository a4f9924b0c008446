using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.People;

public interface ITeamStore
{
    Task<TeamDto?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts the team; throws <see cref="Common.Errors.ConflictException"/> when the name is taken.</summary>
    Task InsertAsync(TeamDto team, CancellationToken cancellationToken);

    Task<bool> RenameAsync(Guid id, string name, int expectedVersion, CancellationToken cancellationToken);

    Task<Page<TeamDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken);
}
