using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.Readiness.GetCertification;

public sealed record GetCertificationQuery(Guid Id) : IQuery<CertificationDto>;

public sealed class GetCertificationQueryHandler(ICertificationStore certifications) : IQueryHandler<GetCertificationQuery, CertificationDto>
{
    public async ValueTask<CertificationDto> Handle(GetCertificationQuery query, CancellationToken cancellationToken) =>
        await certifications.FindAsync(query.Id, cancellationToken) ?? throw new NotFoundException("certification");
}
