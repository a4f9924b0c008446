using Mediator;

namespace SalesCrm.Application.Organisations.GetOrganisation;

public sealed record GetOrganisationQuery : IQuery<OrganisationDto>;

public sealed class GetOrganisationQueryHandler(IOrganisationStore organisation)
    : IQueryHandler<GetOrganisationQuery, OrganisationDto>
{
    public async ValueTask<OrganisationDto> Handle(GetOrganisationQuery query, CancellationToken cancellationToken) =>
        await organisation.GetAsync(cancellationToken);
}
