using FluentValidation;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Readiness;

namespace SalesCrm.Application.Readiness.RecordAssessment;

public sealed class RecordAssessmentCommandValidator : AbstractValidator<RecordAssessmentCommand>
{
    private static readonly DateOnly Earliest = new(1970, 1, 1);

    public RecordAssessmentCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Score).InclusiveBetween(0, CertificationRules.MaxScore)
            .WithMessage($"score must be between 0 and {CertificationRules.MaxScore}.");
        RuleFor(x => x.Name).Must(name => !string.IsNullOrWhiteSpace(name)).When(x => x.CertificationId is null)
            .WithMessage("name is required when the assessment is not for a certification.");
        RuleFor(x => x.Name).MaximumLength(RecordFieldRules.NameLength);
        RuleFor(x => x.AssessedOn)
            .Must(day => day >= Earliest && day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage("assessedOn must be a date from 1970-01-01 up to today.");
    }
}
