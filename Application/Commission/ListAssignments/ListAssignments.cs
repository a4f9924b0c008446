using Mediator;

namespace SalesCrm.Application.Commission.ListAssignments;

/// <summary>A rep's plan history, oldest first: the rep, their manager and admins only.</summary>
public sealed record ListAssignmentsQuery(Guid UserId) : IQuery<IReadOnlyList<CommissionAssignmentDto>>;

public sealed class ListAssignmentsQueryHandler(CommissionAccess access, ICommissionStore store)
    : IQueryHandler<ListAssignmentsQuery, IReadOnlyList<CommissionAssignmentDto>>
{
    public async ValueTask<IReadOnlyList<CommissionAssignmentDto>> Handle(ListAssignmentsQuery query, CancellationToken cancellationToken)
    {
        var rep = await access.RepToReadAsync(query.UserId, cancellationToken);
        return await store.AssignmentsAsync(rep.UserId, cancellationToken);
    }
}
