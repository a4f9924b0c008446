using SalesCrm.Application.Activities.LogCall;
using SalesCrm.Application.Activities.LogEmail;
using SalesCrm.Application.Activities.LogMeeting;
using SalesCrm.Application.Activities.LogNote;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Activities;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Activities.LogActivityBatch;

/// <summary>Turns a batch item into the create its type names, refusing missing fields and fields of other types.</summary>
public static class BatchItems
{
    public static IActivityInput ToInput(BatchActivityItem item)
    {
        var errors = new Dictionary<string, string[]>();
        var type = item.Type.ToName();

        void Require(object? value, string field)
        {
            if (value is null)
            {
                errors[field] = [$"A {type} needs {field}."];
            }
        }

        void Refuse(object? value, string field)
        {
            if (value is not null)
            {
                errors[field] = [$"{field} is not a field of a {type}."];
            }
        }

        IActivityInput? input = null;
        switch (item.Type)
        {
            case ActivityType.Call:
                Require(item.Direction, "direction");
                Require(item.Outcome, "outcome");
                Require(item.DurationSeconds, "durationSeconds");
                Refuse(item.Subject, "subject");
                Refuse(item.Body, "body");
                Refuse(item.RepliedAt, "repliedAt");
                if (item.Outcome is { } callOutcome && !callOutcome.IsCallOutcome())
                {
                    errors["outcome"] = [$"A call's outcome is one of {string.Join(", ", EnumNames.All<CallOutcome>())}."];
                }

                if (errors.Count == 0)
                {
                    input = new LogCallCommand(
                        item.Direction!.Value, EnumNames.Parse<CallOutcome>(item.Outcome!.Value.ToName()), item.DurationSeconds!.Value,
                        item.Notes, item.OccurredAt, item.OwnerId, item.LeadId, item.ContactId, item.AccountId, item.OpportunityId, item.ExternalId);
                }

                break;
            case ActivityType.Email:
                Require(item.Direction, "direction");
                Require(item.Subject, "subject");
                Refuse(item.Outcome, "outcome");
                Refuse(item.DurationSeconds, "durationSeconds");
                Refuse(item.Body, "body");
                if (errors.Count == 0)
                {
                    input = new LogEmailCommand(
                        item.Direction!.Value, item.Subject!, item.RepliedAt, item.Notes,
                        item.OccurredAt, item.OwnerId, item.LeadId, item.ContactId, item.AccountId, item.OpportunityId, item.ExternalId);
                }

                break;
            case ActivityType.Meeting:
                Require(item.DurationSeconds, "durationSeconds");
                Refuse(item.Direction, "direction");
                Refuse(item.Body, "body");
                Refuse(item.RepliedAt, "repliedAt");
                if (item.Outcome is { } meetingOutcome && !meetingOutcome.IsMeetingOutcome())
                {
                    errors["outcome"] = [$"A meeting's outcome is one of {string.Join(", ", EnumNames.All<MeetingOutcome>())}."];
                }

                if (errors.Count == 0)
                {
                    input = new LogMeetingCommand(
                        item.DurationSeconds!.Value,
                        item.Outcome is { } outcome ? EnumNames.Parse<MeetingOutcome>(outcome.ToName()) : null,
                        item.Subject, item.Notes,
                        item.OccurredAt, item.OwnerId, item.LeadId, item.ContactId, item.AccountId, item.OpportunityId, item.ExternalId);
                }

                break;
            default:
                Require(item.Body, "body");
                Refuse(item.Direction, "direction");
                Refuse(item.Outcome, "outcome");
                Refuse(item.DurationSeconds, "durationSeconds");
                Refuse(item.Subject, "subject");
                Refuse(item.Notes, "notes");
                Refuse(item.RepliedAt, "repliedAt");
                if (errors.Count == 0)
                {
                    input = new LogNoteCommand(
                        item.Body!, item.OccurredAt, item.OwnerId, item.LeadId, item.ContactId, item.AccountId, item.OpportunityId, item.ExternalId);
                }

                break;
        }

        return input ?? throw new RequestValidationException(errors);
    }
}
