using Mediator;

namespace SalesCrm.Application.Readiness.ListCertifications;

/// <summary>Every certification by name; archived ones only with <see cref="IncludeArchived"/>.</summary>
public sealed record ListCertificationsQuery(bool IncludeArchived = false) : IQuery<IReadOnlyList<CertificationDto>>;

public sealed class ListCertificationsQueryHandler(ICertificationStore certifications)
    : IQueryHandler<ListCertificationsQuery, IReadOnlyList<CertificationDto>>
{
    public async ValueTask<IReadOnlyList<CertificationDto>> Handle(ListCertificationsQuery query, CancellationToken cancellationToken) =>
        await certifications.ListAsync(query.IncludeArchived, cancellationToken);
}
