using Mediator;

namespace SalesCrm.Application.LeadScoring.GetScoringSettings;

public sealed record GetScoringSettingsQuery : IQuery<ScoringSettingsDto>;

public sealed class GetScoringSettingsQueryHandler(ILeadScoringStore store) : IQueryHandler<GetScoringSettingsQuery, ScoringSettingsDto>
{
    public async ValueTask<ScoringSettingsDto> Handle(GetScoringSettingsQuery query, CancellationToken cancellationToken) =>
        await store.SettingsAsync(cancellationToken);
}
