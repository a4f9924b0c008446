using Mediator;

namespace SalesCrm.Application.Readiness.ListAssessments;

/// <summary>A rep's assessment results, newest first: for the rep, their manager, admins and <c>metrics:read</c> integrations.</summary>
public sealed record ListAssessmentsQuery(Guid UserId) : IQuery<IReadOnlyList<AssessmentDto>>;

public sealed class ListAssessmentsQueryHandler(ReadinessAccess access, IAssessmentStore assessments)
    : IQueryHandler<ListAssessmentsQuery, IReadOnlyList<AssessmentDto>>
{
    public async ValueTask<IReadOnlyList<AssessmentDto>> Handle(ListAssessmentsQuery query, CancellationToken cancellationToken)
    {
        var rep = await access.RepToReadAsync(query.UserId, cancellationToken);
        return await assessments.ListForUserAsync(rep.UserId, cancellationToken);
    }
}
