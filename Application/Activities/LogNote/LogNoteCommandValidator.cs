using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.Activities.LogNote;

public sealed class LogNoteCommandValidator : AbstractValidator<LogNoteCommand>
{
    public LogNoteCommandValidator(TimeProvider clock)
    {
        this.AddActivityRules(clock);
        RuleFor(x => x.Body).NotEmpty().MaximumLength(RecordFieldRules.BodyLength);
    }
}
