using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.People.GetUser;

/// <summary>One person: admins see anyone, managers their team, integration clients with directory access anyone.</summary>
public sealed record GetUserQuery(Guid Id) : IQuery<UserDto>;

public sealed class GetUserQueryHandler(ICurrentUser currentUser, IUserStore users) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.Id, cancellationToken);
        if (user is null || !DirectoryScope.CanSee(currentUser, user.Id, user.TeamId))
        {
            throw new NotFoundException("user");
        }

        return user.ToDto();
    }
}
