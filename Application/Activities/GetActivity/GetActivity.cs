using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities.GetActivity;

public sealed record GetActivityQuery(Guid Id) : IQuery<ActivityDto>;

public sealed class GetActivityQueryHandler(ICurrentUser caller, IActivityStore store) : IQueryHandler<GetActivityQuery, ActivityDto>
{
    public async ValueTask<ActivityDto> Handle(GetActivityQuery query, CancellationToken cancellationToken) =>
        await store.FindAsync(query.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("activity");
}
