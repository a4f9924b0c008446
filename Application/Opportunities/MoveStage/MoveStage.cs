using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.LostReasons;
using SalesCrm.Application.Pipelines;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.Opportunities;

namespace SalesCrm.Application.Opportunities.MoveStage;

/// <summary>
/// Moves an opportunity to another stage of its pipeline and appends the move to its history, guarded by the
/// opportunity's version: of concurrent moves sent with one version, exactly one applies and the rest get 412.
/// The stage rules themselves live in <see cref="StageMoveRules"/>.
/// </summary>
public sealed record MoveStageCommand(
    Guid OpportunityId,
    int? ExpectedVersion,
    Guid ToStageId,
    DateTimeOffset? OccurredAt = null,
    Guid? LostReasonId = null,
    string? Competitor = null) : ICommand<StageMoved>;

/// <summary>The history entry the move appended and the opportunity's new version (its next ETag).</summary>
public sealed record StageMoved(StageMoveDto Move, int Version);

public sealed class MoveStageCommandHandler(
    ICurrentUser caller,
    IOpportunityStore opportunities,
    IPipelineStore pipelines,
    ILostReasonStore lostReasons,
    TimeProvider clock) : ICommandHandler<MoveStageCommand, StageMoved>
{
    public async ValueTask<StageMoved> Handle(MoveStageCommand command, CancellationToken cancellationToken)
    {
        var expectedVersion = Versions.Require(command.ExpectedVersion);
        var record = await opportunities.RequireInScopeAsync(caller, command.OpportunityId, cancellationToken);
        record.EnsureVersion(expectedVersion);
        var deal = record.Opportunity;
        var target = await pipelines.FindStageAsync(command.ToStageId, cancellationToken)
            ?? throw RequestValidationException.For("toStageId", "No stage with this id is in the opportunity's pipeline.");

        var occurredAt = clock.OccurredOrNow(command.OccurredAt);
        var decision = StageMoveRules.Decide(
            new DealPosition(deal.PipelineId, deal.StageId, record.StageKind, deal.CreatedAt, deal.StageEnteredAt),
            new StageTarget(target.Id, target.PipelineId, target.Kind, target.ArchivedAt is not null),
            command.LostReasonId,
            occurredAt);
        if (decision.Refusal is { } refusal)
        {
            throw Refused(refusal);
        }

        if (command.LostReasonId is { } reasonId && await lostReasons.FindAsync(reasonId, cancellationToken) is not { ArchivedAt: null })
        {
            throw RequestValidationException.For("lostReasonId", "No active lost reason has this id.");
        }

        var now = clock.Now();
        var move = new StageMoveRecord(Ids.New(), deal.Id, deal.StageId, target.Id, occurredAt, caller.Id, now, command.LostReasonId);
        var competitor = RecordText.Optional(command.Competitor);
        Versions.EnsureWritten(await opportunities.MoveStageAsync(move, decision.Close, competitor, expectedVersion, cancellationToken));

        var row = new StageMoveRow(move.Id, deal.Id, 0, deal.StageId, deal.StageName, target.Id, target.Name, target.Kind,
            occurredAt, caller.Id, now, command.LostReasonId);
        return new StageMoved(StageHistory.ToDto(row, null, now), expectedVersion + 1);
    }

    private static AppException Refused(StageMoveRefusal refusal) => refusal switch
    {
        StageMoveRefusal.OtherPipeline => RequestValidationException.For("toStageId", "No stage with this id is in the opportunity's pipeline."),
        StageMoveRefusal.ArchivedStage => RequestValidationException.For("toStageId", "This stage is archived; deals cannot enter it."),
        StageMoveRefusal.AlreadyInStage => new ConflictException("The opportunity is already in this stage.", "toStageId"),
        StageMoveRefusal.ClosedDeal => new ConflictException(
            "The opportunity is closed; reopen it into an open stage before closing it another way.", "toStageId"),
        StageMoveRefusal.LostNeedsReason => RequestValidationException.For("lostReasonId", "A move to Lost needs a lost reason."),
        StageMoveRefusal.ReasonOnlyForLost => RequestValidationException.For("lostReasonId", "A lost reason only goes with a move to the Lost stage."),
        StageMoveRefusal.BeforeCreation => RequestValidationException.For("occurredAt", "occurredAt must not be before the opportunity was created."),
        _ => RequestValidationException.For("occurredAt",
            "occurredAt must not be before the opportunity's latest recorded move; record history oldest first."),
    };
}

public sealed class MoveStageCommandValidator : FluentValidation.AbstractValidator<MoveStageCommand>
{
    public MoveStageCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.ToStageId).RequiredId();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
        RuleFor(x => x.Competitor).Competitor();
    }
}
