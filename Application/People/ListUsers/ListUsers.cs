using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Paging;

namespace SalesCrm.Application.People.ListUsers;

/// <summary>People, oldest first; a manager only ever sees their own team.</summary>
public sealed record ListUsersQuery(Guid? TeamId, bool? IsActive, int? Limit, string? Cursor, string? Q = null)
    : IQuery<Page<UserDto>>, IPageRequest;

public sealed class ListUsersQueryHandler(ICurrentUser currentUser, IUserStore users)
    : IQueryHandler<ListUsersQuery, Page<UserDto>>
{
    public async ValueTask<Page<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var filter = new UserListFilter(
            DirectoryScope.ForcedTeam(currentUser, query.TeamId),
            query.IsActive,
            query.LimitOrDefault(),
            KeysetCursor.Decode(query.Cursor)?.Id,
            string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim());
        return await users.ListAsync(filter, cancellationToken);
    }
}
