using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;

namespace SalesCrm.Application.Me.GetMe;

/// <summary>The signed-in person, as the SPA needs them to lay out its navigation.</summary>
public sealed record GetMeQuery : IQuery<MeResponse>;

public sealed record MeResponse(Guid Id, string Email, string DisplayName, Role Role, Guid? TeamId);

public sealed class GetMeQueryHandler(ICurrentUser currentUser, IUserStore users) : IQueryHandler<GetMeQuery, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(currentUser.Id, cancellationToken) ?? throw new NotFoundException("user");
        return new MeResponse(user.Id, user.Email, user.DisplayName, user.Role, user.TeamId);
    }
}
