using FluentValidation;
using Mediator;
using SalesCrm.Application.Activities.LogCall;
using SalesCrm.Application.Activities.LogEmail;
using SalesCrm.Application.Activities.LogMeeting;
using SalesCrm.Application.Activities.LogNote;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Common.Validation;
using SalesCrm.Domain.Activities;

namespace SalesCrm.Application.Activities.LogActivityBatch;

/// <summary>
/// An integration pushes up to 1,000 activities of any type at once. Each item is checked on its own, exactly as the
/// single create would check it; the valid ones are committed together and every item gets its own result.
/// </summary>
public sealed record LogActivityBatchCommand(IReadOnlyList<BatchActivityItem> Items) : ICommand<ActivityBatchResult>;

public sealed class LogActivityBatchCommandHandler(
    ICurrentUser caller,
    ActivityRecorder recorder,
    IActivityStore store,
    IValidator<LogCallCommand> calls,
    IValidator<LogEmailCommand> emails,
    IValidator<LogMeetingCommand> meetings,
    IValidator<LogNoteCommand> notes) : ICommandHandler<LogActivityBatchCommand, ActivityBatchResult>
{
    public async ValueTask<ActivityBatchResult> Handle(LogActivityBatchCommand command, CancellationToken cancellationToken)
    {
        var results = new BatchItemResult[command.Items.Count];
        var accepted = new List<(int Index, NewActivity Activity)>(command.Items.Count);
        for (var index = 0; index < command.Items.Count; index++)
        {
            var item = command.Items[index];
            try
            {
                var input = BatchItems.ToInput(item);
                var failures = Validate(input);
                if (failures.Count > 0)
                {
                    throw new RequestValidationException(failures
                        .GroupBy(f => JsonFieldNames.FromPropertyPath(f.PropertyName))
                        .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
                }

                accepted.Add((index, await recorder.PrepareAsync(input, item.Type, cancellationToken)));
            }
            catch (RequestValidationException invalid)
            {
                results[index] = BatchItemResult.Failed(index, invalid.Errors);
            }
        }

        var written = await store.RecordAsync([.. accepted.Select(a => a.Activity)], OwnerScope.For(caller), cancellationToken);
        for (var i = 0; i < accepted.Count; i++)
        {
            var index = accepted[i].Index;
            var result = written[i];
            results[index] = result.Status switch
            {
                ActivityWriteStatus.Created => new BatchItemResult(index, BatchItemStatus.Created, result.Id),
                ActivityWriteStatus.Duplicate => new BatchItemResult(index, BatchItemStatus.Duplicate, result.Id),
                _ => BatchItemResult.Failed(index, result.Errors!),
            };
        }

        return new ActivityBatchResult(
            results.Count(r => r.Status == BatchItemStatus.Created),
            results.Count(r => r.Status == BatchItemStatus.Duplicate),
            results.Count(r => r.Status == BatchItemStatus.Error),
            results);
    }

    private List<FluentValidation.Results.ValidationFailure> Validate(IActivityInput input) => input switch
    {
        LogCallCommand call => calls.Validate(call).Errors,
        LogEmailCommand email => emails.Validate(email).Errors,
        LogMeetingCommand meeting => meetings.Validate(meeting).Errors,
        LogNoteCommand note => notes.Validate(note).Errors,
        _ => [],
    };
}

public sealed class LogActivityBatchCommandValidator : AbstractValidator<LogActivityBatchCommand>
{
    public LogActivityBatchCommandValidator() =>
        RuleFor(x => x.Items).NotEmpty()
            .Must(items => items.Count <= ActivityRules.MaxBatchSize)
            .WithMessage($"A batch holds at most {ActivityRules.MaxBatchSize:N0} activities; split it. Nothing was recorded.");
}
