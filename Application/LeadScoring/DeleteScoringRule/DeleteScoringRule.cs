using Mediator;
using SalesCrm.Application.Common.Errors;

namespace SalesCrm.Application.LeadScoring.DeleteScoringRule;

/// <summary>Removes a rule (admins): its type becomes unknown to new events; recorded events keep their points.</summary>
public sealed record DeleteScoringRuleCommand(string Type) : ICommand;

public sealed class DeleteScoringRuleCommandHandler(ILeadScoringStore store) : ICommandHandler<DeleteScoringRuleCommand>
{
    public async ValueTask<Unit> Handle(DeleteScoringRuleCommand command, CancellationToken cancellationToken) =>
        await store.DeleteRuleAsync(command.Type, cancellationToken) ? Unit.Value : throw new NotFoundException("scoring rule");
}
