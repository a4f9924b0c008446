using Mediator;

namespace SalesCrm.Application.Contacts.GetContact;

/// <summary>One contact. The directory is shared: every signed-in person can read every live contact.</summary>
public sealed record GetContactQuery(Guid Id) : IQuery<ContactDto>;

public sealed class GetContactQueryHandler(IContactStore contacts) : IQueryHandler<GetContactQuery, ContactDto>
{
    public async ValueTask<ContactDto> Handle(GetContactQuery query, CancellationToken cancellationToken) =>
        (await contacts.FindLiveAsync(query.Id, cancellationToken)).ToDto();
}
