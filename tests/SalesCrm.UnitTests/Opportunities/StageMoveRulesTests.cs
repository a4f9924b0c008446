using SalesCrm.Domain.Opportunities;
using SalesCrm.Domain.Pipelines;

namespace SalesCrm.UnitTests.Opportunities;

public sealed class StageMoveRulesTests
{
    private static readonly Guid Pipeline = Guid.NewGuid();
    private static readonly Guid Demo = Guid.NewGuid();
    private static readonly DateTimeOffset Created = new(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Entered = Created.AddDays(5);

    private static DealPosition Deal(StageKind kind = StageKind.Open) => new(Pipeline, Demo, kind, Created, Entered);

    private static StageTarget Target(StageKind kind = StageKind.Open, bool archived = false, Guid? pipeline = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), pipeline ?? Pipeline, kind, archived);

    [Fact]
    public void An_open_move_keeps_the_deal_open()
    {
        var decision = StageMoveRules.Decide(Deal(), Target(), null, Entered.AddDays(1));

        Assert.True(decision.IsAllowed);
        Assert.Null(decision.Close);
    }

    [Fact]
    public void Won_closes_at_the_moves_time()
    {
        var at = Entered.AddDays(2);

        var decision = StageMoveRules.Decide(Deal(), Target(StageKind.Won), null, at);

        Assert.Equal(new DealClose(at, Outcome.Won, null), decision.Close);
    }

    [Fact]
    public void Lost_closes_with_its_reason()
    {
        var reason = Guid.NewGuid();

        var decision = StageMoveRules.Decide(Deal(), Target(StageKind.Lost), reason, Entered);

        Assert.Equal(new DealClose(Entered, Outcome.Lost, reason), decision.Close);
    }

    [Theory]
    [InlineData(StageKind.Won)]
    [InlineData(StageKind.Lost)]
    public void A_closed_deal_reopens_into_an_open_stage(StageKind closedIn)
    {
        var decision = StageMoveRules.Decide(Deal(closedIn), Target(), null, Entered);

        Assert.True(decision.IsAllowed);
        Assert.Null(decision.Close);
    }

    [Fact]
    public void Each_refusal_has_its_reason()
    {
        Assert.Equal(StageMoveRefusal.OtherPipeline, StageMoveRules.Decide(Deal(), Target(pipeline: Guid.NewGuid()), null, Entered).Refusal);
        Assert.Equal(StageMoveRefusal.AlreadyInStage, StageMoveRules.Decide(Deal(), Target(id: Demo), null, Entered).Refusal);
        Assert.Equal(StageMoveRefusal.ArchivedStage, StageMoveRules.Decide(Deal(), Target(archived: true), null, Entered).Refusal);
        Assert.Equal(StageMoveRefusal.ClosedDeal, StageMoveRules.Decide(Deal(StageKind.Won), Target(StageKind.Lost), Guid.NewGuid(), Entered).Refusal);
        Assert.Equal(StageMoveRefusal.LostNeedsReason, StageMoveRules.Decide(Deal(), Target(StageKind.Lost), null, Entered).Refusal);
        Assert.Equal(StageMoveRefusal.ReasonOnlyForLost, StageMoveRules.Decide(Deal(), Target(StageKind.Won), Guid.NewGuid(), Entered).Refusal);
        Assert.Equal(StageMoveRefusal.BeforeCreation, StageMoveRules.Decide(Deal(), Target(), null, Created.AddTicks(-1)).Refusal);
        Assert.Equal(StageMoveRefusal.BeforeLatestMove, StageMoveRules.Decide(Deal(), Target(), null, Entered.AddTicks(-1)).Refusal);
    }

    [Fact]
    public void A_move_at_the_same_time_as_the_latest_one_is_allowed()
    {
        Assert.True(StageMoveRules.Decide(Deal(), Target(), null, Entered).IsAllowed);
    }

    [Fact]
    public void Closed_stages_have_fixed_probabilities_and_cannot_be_removed()
    {
        Assert.Equal((100, 0, (int?)null), (PipelineRules.FixedProbability(StageKind.Won), PipelineRules.FixedProbability(StageKind.Lost), PipelineRules.FixedProbability(StageKind.Open)));
        Assert.False(PipelineRules.CanRemove(StageKind.Won));
        Assert.False(PipelineRules.CanRemove(StageKind.Lost));
        Assert.True(PipelineRules.CanRemove(StageKind.Open));
    }
}
