using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.FollowUps.GetFollowUp;

public sealed record GetFollowUpQuery(Guid Id) : IQuery<FollowUpDto>;

public sealed class GetFollowUpQueryHandler(ICurrentUser caller, IFollowUpStore store, TimeProvider clock)
    : IQueryHandler<GetFollowUpQuery, FollowUpDto>
{
    public async ValueTask<FollowUpDto> Handle(GetFollowUpQuery query, CancellationToken cancellationToken) =>
        (await store.FindAsync(query.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("follow-up"))
            .ToDto(clock.GetUtcNow());
}
