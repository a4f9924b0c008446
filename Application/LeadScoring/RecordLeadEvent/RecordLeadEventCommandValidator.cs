using FluentValidation;
using SalesCrm.Application.Common.Records;

namespace SalesCrm.Application.LeadScoring.RecordLeadEvent;

public sealed class RecordLeadEventCommandValidator : AbstractValidator<RecordLeadEventCommand>
{
    public RecordLeadEventCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Type).EventType();
        RuleFor(x => x.OccurredAt).NotInFuture(clock);
        RuleFor(x => x.ExternalId).ExternalId();
    }
}
