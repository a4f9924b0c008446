using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.TimeEntries.GetTimeEntry;

public sealed record GetTimeEntryQuery(Guid Id) : IQuery<TimeEntryDto>;

public sealed class GetTimeEntryQueryHandler(ICurrentUser caller, ITimeEntryStore entries) : IQueryHandler<GetTimeEntryQuery, TimeEntryDto>
{
    public async ValueTask<TimeEntryDto> Handle(GetTimeEntryQuery query, CancellationToken cancellationToken) =>
        await entries.FindAsync(query.Id, OwnerScope.For(caller), cancellationToken) ?? throw new NotFoundException("time entry");
}
