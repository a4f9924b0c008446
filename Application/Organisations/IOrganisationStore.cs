namespace SalesCrm.Application.Organisations;

/// <summary>One deployment serves one organisation (docs/decisions/0002-one-organisation-per-deployment.md).</summary>
public interface IOrganisationStore
{
    Task<OrganisationDto> GetAsync(CancellationToken cancellationToken);

    Task<bool> UpdateAsync(OrganisationDto settings, int expectedVersion, CancellationToken cancellationToken);
}
