using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Readiness;
using SalesCrm.Application.Readiness.GetReadiness;
using SalesCrm.Application.Readiness.ListAssessments;
using SalesCrm.Application.Readiness.ListExpiring;
using SalesCrm.Application.Readiness.RecordAssessment;
using SalesCrm.Domain.Readiness;

namespace SalesCrm.Api.Readiness;

/// <summary>Rep readiness (metrics.md section F): assessment results per rep, readiness per rep and team, expiring certifications.</summary>
public static class ReadinessEndpoints
{
    private const string Holding =
        "A rep holds a certification on a day when their latest passed assessment for it dated on or before that day is less than the "
        + "certification's current `validityMonths` old (`expiresOn` = assessedOn + validityMonths, the first day it is no longer held; "
        + "never for a certification without validity). Archived certifications count for nothing.";

    private const string Scope =
        "`asOf` (a date in the organisation's time zone) defaults to today. `teamId` or `userId` cut to a team (its current members) or a "
        + "rep; without either a rep gets themself, a manager their team, an admin or `metrics:read` integration the organisation. A team or "
        + "rep outside the caller's scope is 404; a rep reading their own team gets its shares but only their own row.";

    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder app)
    {
        var readiness = app.MapGroup("/api/v1/readiness").WithTags("Readiness");
        readiness.MapGet("/", Readiness).WithName("getReadiness").RequireAuthorization(Policies.MetricsReader)
            .Doc("Rep readiness",
                "Per rep (the rep asked for, or the active users with role `rep` of the team or organisation): `requiredHeld` of `requiredTotal` "
                + "required certifications held, `missing` (each with `expiredOn` when a former pass has lapsed), `held` (every live certification "
                + "held, required or not, with `assessedOn` and `expiresOn`), `latestAssessment` (the most recent assessment dated on or before "
                + "`asOf`, passed or not: score and date) and `ready` = every required certification held (true when none is required). Per "
                + "team (every team for the organisation, the team asked for, none for one rep) and in `summary`: `reps`, `repsCertified` (ready) "
                + "and `shareCertified` = repsCertified / reps, `null` when there are no reps. " + Holding + " " + Scope)
            .BadInput().Problems(403, 404);
        readiness.MapGet("/expiring", Expiring).WithName("listExpiringCertifications").RequireAuthorization(Policies.MetricsReader)
            .Doc("Expiring certifications",
                "Certifications the subject's reps hold on `asOf` whose hold ends within the next `within` days (1–365, default 30): "
                + "asOf < expiresOn <= asOf + within, with `daysLeft` = expiresOn - asOf; soonest first, then by rep and certification name. "
                + Holding + " " + Scope)
            .BadInput().Problems(403, 404);

        var assessments = app.MapGroup("/api/v1/users/{id:guid}/assessments").WithTags("Readiness");
        assessments.MapPost("/", Record).WithName("recordAssessment").RequireAuthorization(Policies.AdminOrManager).WithIdempotency()
            .Doc("Record an assessment",
                "The rep's manager or an admin records a result: `certificationId` (a live certification; a pass then holds it) and/or `name` "
                + "(required without a certification; defaults to the certification's name), `score` (a whole number 0–100), `passed`, "
                + "`assessedOn` (a date, not after today) and `assessorId` (a user; the caller when omitted). A rep outside the caller's scope is "
                + "404; a manager of another team's rep, 404; a manager recording for themself, 403.")
            .BadInput().Problems(403, 404);
        assessments.MapGet("/", List).WithName("listAssessments").RequireAuthorization(Policies.MetricsReader)
            .Doc("List a rep's assessments", "Newest first (by `assessedOn`, then when recorded). Read by the rep, their manager, admins and `metrics:read` integrations; anyone else gets 404.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<ReadinessReport>> Readiness(
        IMediator mediator, CancellationToken ct, Guid? teamId = null, Guid? userId = null, DateOnly? asOf = null) =>
        TypedResults.Ok(await mediator.Send(new GetReadinessQuery(teamId, userId, asOf), ct));

    private static async Task<Ok<ExpiringReport>> Expiring(
        IMediator mediator, CancellationToken ct, int? within = null, Guid? teamId = null, Guid? userId = null, DateOnly? asOf = null) =>
        TypedResults.Ok(await mediator.Send(new ListExpiringQuery(within ?? CertificationRules.DefaultExpiringWithinDays, teamId, userId, asOf), ct));

    private static async Task<Created<AssessmentDto>> Record(Guid id, RecordAssessmentRequest request, IMediator mediator, CancellationToken ct)
    {
        var assessment = await mediator.Send(new RecordAssessmentCommand(
            id, request.CertificationId, request.Name, request.Score, request.Passed, request.AssessedOn, request.AssessorId), ct);
        return TypedResults.Created($"/api/v1/users/{id}/assessments", assessment);
    }

    private static async Task<Ok<IReadOnlyList<AssessmentDto>>> List(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListAssessmentsQuery(id), ct));
}

/// <summary>The body of <c>POST /users/{id}/assessments</c>: the rep travels in the route.</summary>
public sealed record RecordAssessmentRequest(int Score, bool Passed, DateOnly AssessedOn, Guid? CertificationId = null, string? Name = null, Guid? AssessorId = null);
