using Mediator;
using SalesCrm.Application.Common.Abstractions;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Records;
using SalesCrm.Application.Organisations;
using SalesCrm.Application.People;
using SalesCrm.Domain.Common;

namespace SalesCrm.Application.Readiness.RecordAssessment;

/// <summary>
/// The rep's manager or an admin records an assessment result: for a certification (a pass then holds it) or a named
/// assessment of its own. The assessor is the caller unless another user is named.
/// </summary>
public sealed record RecordAssessmentCommand(
    Guid UserId, Guid? CertificationId, string? Name, int Score, bool Passed, DateOnly AssessedOn, Guid? AssessorId)
    : ICommand<AssessmentDto>;

public sealed class RecordAssessmentCommandHandler(
    ReadinessAccess access,
    ICertificationStore certifications,
    IAssessmentStore assessments,
    IAccessCache users,
    OrganisationCalendar calendar,
    ICurrentUser caller,
    TimeProvider clock)
    : ICommandHandler<RecordAssessmentCommand, AssessmentDto>
{
    public async ValueTask<AssessmentDto> Handle(RecordAssessmentCommand command, CancellationToken cancellationToken)
    {
        var rep = await access.RepToAssessAsync(command.UserId, cancellationToken);
        if (command.AssessedOn > await calendar.TodayAsync(cancellationToken))
        {
            throw RequestValidationException.For("assessedOn", "assessedOn must not be after today in the organisation's time zone.");
        }

        var name = command.Name?.Trim();
        if (command.CertificationId is { } certificationId)
        {
            var certification = await certifications.FindAsync(certificationId, cancellationToken);
            name = certification is { ArchivedAt: null }
                ? name is { Length: > 0 } ? name : certification.Name
                : throw RequestValidationException.For("certificationId", "No live certification has this id.");
        }

        if (command.AssessorId is { } assessorId && await users.GetUserAsync(assessorId, cancellationToken) is null)
        {
            throw RequestValidationException.For("assessorId", "No user has this id.");
        }

        var assessment = new AssessmentDto(
            Ids.New(), rep.UserId, command.CertificationId, name!, command.Score, command.Passed, command.AssessedOn,
            command.AssessorId ?? caller.Id, caller.Id, clock.Now());
        await assessments.InsertAsync(assessment, cancellationToken);
        return assessment;
    }
}
