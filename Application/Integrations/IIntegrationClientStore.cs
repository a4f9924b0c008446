using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.Integrations;

public interface IIntegrationClientStore
{
    Task InsertAsync(IntegrationClientRecord client, CancellationToken cancellationToken);

    Task<IntegrationClientRecord?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);

    Task<IntegrationClientRecord?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    Task<Page<IntegrationClientDto>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken);
}
