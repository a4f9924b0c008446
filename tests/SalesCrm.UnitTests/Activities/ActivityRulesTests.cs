using SalesCrm.Application.Activities;
using SalesCrm.Application.Activities.LogActivityBatch;
using SalesCrm.Application.Activities.LogCall;
using SalesCrm.Application.Activities.LogMeeting;
using SalesCrm.Application.Activities.LogNote;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Timeline;
using SalesCrm.Application.Timeline.GetTimeline;
using SalesCrm.Domain.Activities;
using SalesCrm.Domain.Common;
using SalesCrm.Domain.FollowUps;

namespace SalesCrm.UnitTests.Activities;

public sealed class ActivityRulesTests
{
    private static readonly Guid Account = Guid.Parse("0197a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");

    [Fact]
    public void Enum_names_are_the_snake_case_wire_names_both_ways()
    {
        Assert.Equal("no_answer", CallOutcome.NoAnswer.ToName());
        Assert.Equal("wrong_number", ActivityOutcome.WrongNumber.ToName());
        Assert.Equal(MeetingOutcome.NoShow, EnumNames.Parse<MeetingOutcome>("no_show"));
        Assert.False(EnumNames.TryParse<ActivityType>("Call", out _));
        Assert.Equal(["call", "email", "meeting"], EnumNames.All<FollowUpChannel>());
        Assert.All(Enum.GetValues<ActivityOutcome>(), o => Assert.Equal(o, EnumNames.Parse<ActivityOutcome>(o.ToName())));
    }

    [Fact]
    public void Every_outcome_belongs_to_calls_or_to_meetings()
    {
        Assert.All(Enum.GetValues<ActivityOutcome>(), o => Assert.True(o.IsCallOutcome() ^ o.IsMeetingOutcome()));
        Assert.All(Enum.GetValues<CallOutcome>(), o => Assert.True(o.ToActivityOutcome().IsCallOutcome()));
        Assert.All(Enum.GetValues<MeetingOutcome>(), o => Assert.True(o.ToActivityOutcome().IsMeetingOutcome()));
    }

    [Fact]
    public void A_batch_item_becomes_the_create_of_its_type()
    {
        var call = Assert.IsType<LogCallCommand>(BatchItems.ToInput(new BatchActivityItem(
            ActivityType.Call, AccountId: Account, Direction: ActivityDirection.Inbound, Outcome: ActivityOutcome.Voicemail, DurationSeconds: 12)));
        var meeting = Assert.IsType<LogMeetingCommand>(BatchItems.ToInput(new BatchActivityItem(ActivityType.Meeting, AccountId: Account, DurationSeconds: 60)));
        var note = Assert.IsType<LogNoteCommand>(BatchItems.ToInput(new BatchActivityItem(ActivityType.Note, AccountId: Account, Body: "b")));

        Assert.Equal((ActivityDirection.Inbound, CallOutcome.Voicemail, 12, Account), (call.Direction, call.Outcome, call.DurationSeconds, call.AccountId));
        Assert.Null(meeting.Outcome);
        Assert.Equal("b", note.Body);
    }

    [Fact]
    public void A_batch_item_missing_its_types_fields_or_carrying_another_types_fields_names_each()
    {
        var call = Assert.Throws<RequestValidationException>(() => BatchItems.ToInput(new BatchActivityItem(
            ActivityType.Call, AccountId: Account, Outcome: ActivityOutcome.Held, Subject: "s", Body: "b")));
        var note = Assert.Throws<RequestValidationException>(() => BatchItems.ToInput(new BatchActivityItem(
            ActivityType.Note, AccountId: Account, Notes: "n", RepliedAt: DateTimeOffset.UnixEpoch)));
        var meeting = Assert.Throws<RequestValidationException>(() => BatchItems.ToInput(new BatchActivityItem(
            ActivityType.Meeting, AccountId: Account, DurationSeconds: 1, Outcome: ActivityOutcome.Busy)));

        Assert.Equal(["body", "direction", "durationSeconds", "outcome", "subject"], call.Errors.Keys.Order());
        Assert.Equal(["body", "notes", "repliedAt"], note.Errors.Keys.Order());
        Assert.Equal(["outcome"], meeting.Errors.Keys);
    }

    [Fact]
    public void A_new_activity_shows_notes_or_body_by_type()
    {
        var note = Activity(ActivityType.Note) with { Body = "text" };
        var call = Activity(ActivityType.Call) with { Body = "text" };

        Assert.Equal(("text", (string?)null), (note.ToDto().Body, note.ToDto().Notes));
        Assert.Equal(((string?)null, "text"), (call.ToDto().Body, call.ToDto().Notes));
        Assert.Equal(1, call.ToDto().Version);
    }

    [Fact]
    public void Timeline_and_list_cursors_round_trip_and_refuse_foreign_text()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_123);
        var entry = new TimelineEntry(TimelineEntryKind.StageMove, at, StageMove: new StageMoveEntry(Account, null, null, Account, "Won", Account, at));
        var list = new TimeCursor(at, Account);

        Assert.Equal(new TimelinePosition(at, TimelineEntryKind.StageMove, Account), TimelineCursor.Decode(TimelineCursor.Encode(entry)));
        Assert.Equal(list, TimeCursor.Decode(list.Encode()));
        Assert.Throws<RequestValidationException>(() => TimeCursor.Decode(TimelineCursor.Encode(entry)));
        Assert.Throws<RequestValidationException>(() => TimelineCursor.Decode(list.Encode()));
    }

    private static NewActivity Activity(ActivityType type) => new()
    {
        Id = Account,
        Type = type,
        OwnerId = Account,
        OccurredAt = DateTimeOffset.UnixEpoch,
        CreatedAt = DateTimeOffset.UnixEpoch,
        CreatedBy = Account,
    };
}
