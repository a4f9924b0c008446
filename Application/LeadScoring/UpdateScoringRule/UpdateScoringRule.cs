using FluentValidation;
using Mediator;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.LeadScoring.UpdateScoringRule;

/// <summary>Changes a rule's points (admins): events recorded from now on score the new points; past events keep theirs.</summary>
public sealed record UpdateScoringRuleCommand(string Type, int? ExpectedVersion, int Points) : ICommand<ScoringRuleDto>;

public sealed class UpdateScoringRuleCommandHandler(ILeadScoringStore store, TimeProvider clock) : ICommandHandler<UpdateScoringRuleCommand, ScoringRuleDto>
{
    public async ValueTask<ScoringRuleDto> Handle(UpdateScoringRuleCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var rule = await store.FindRuleAsync(command.Type, cancellationToken) ?? throw new NotFoundException("scoring rule");
        var now = clock.Now();
        Versions.EnsureWritten(await store.UpdateRuleAsync(rule.Type, command.Points, expectedVersion, now, cancellationToken));
        return rule with { Points = command.Points, UpdatedAt = now, Version = expectedVersion + 1 };
    }
}

public sealed class UpdateScoringRuleCommandValidator : AbstractValidator<UpdateScoringRuleCommand>
{
    public UpdateScoringRuleCommandValidator() => RuleFor(x => x.Points).Points();
}
