using Mediator;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.LeadScoring.CreateScoringRule;

/// <summary>Adds a rule for a new event type (admins); events of the type recorded from now on score its points.</summary>
public sealed record CreateScoringRuleCommand(string Type, int Points) : ICommand<ScoringRuleDto>;

public sealed class CreateScoringRuleCommandHandler(ILeadScoringStore store, TimeProvider clock) : ICommandHandler<CreateScoringRuleCommand, ScoringRuleDto>
{
    public async ValueTask<ScoringRuleDto> Handle(CreateScoringRuleCommand command, CancellationToken cancellationToken)
    {
        var now = clock.Now();
        var rule = new ScoringRuleDto(command.Type, command.Points, now, now, 1);
        await store.InsertRuleAsync(rule, cancellationToken);
        return rule;
    }
}
