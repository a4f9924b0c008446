using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Surveys;
using SalesCrm.Application.Surveys.AnswerSurvey;
using SalesCrm.Application.Surveys.CreateSurvey;
using SalesCrm.Application.Surveys.GetSurveyResults;
using SalesCrm.Application.Surveys.ListOpenSurveys;
using SalesCrm.Application.Surveys.ListSurveyResults;
using SalesCrm.Application.Surveys.ListSurveys;

namespace SalesCrm.Api.Surveys;

public static class SurveyEndpoints
{
    private const string ResultFigures =
        "Answers 0–6 are detractors, 7–8 passives, 9–10 promoters; `enps` = 100 × (promoters − detractors) / responses, "
        + "rounded to the nearest whole number with halves away from zero, from −100 to 100. Figures are shown only once the survey "
        + "has closed (while it is open, `withheld` is `open`: a figure that moves after each answer would tell that answer) and only "
        + "with at least `minimumResponses` (5) answers (else `withheld` is `too_few_responses` and every figure, the count "
        + "included, is null). No endpoint tells who gave which answer.";

    public static IEndpointRouteBuilder MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys").WithTags("Surveys");
        group.MapPost("/", Create).WithName("createSurvey").RequireAuthorization(Policies.AdminOrManager).WithIdempotency()
            .Doc("Create an eNPS survey",
                "A question asked of the whole organisation (no `teamId`: admins only) or of one team (`teamId`: admins any team, "
                + "managers their own; another team is 400 on `teamId`). It takes answers on every day from `opensOn` to `closesOn`, "
                + "both included, as calendar dates in the organisation's time zone; at most 366 days, `closesOn` not in the past.")
            .BadInput().Problems(403, 409);
        group.MapGet("/", List).WithName("listSurveys").RequireAuthorization(Policies.AdminOrManager)
            .Doc("Surveys of an audience",
                "Every survey of one audience, newest first, with `status` today (organisation's zone): `upcoming`, `open` or "
                + "`closed`. `team` for a team's surveys (managers only their own, else 404); none for the organisation-wide ones "
                + "(admins) or the manager's own team (managers). No answers or figures: those are on the results.")
            .BadInput().Problems(403, 404);
        group.MapGet("/open", Open).WithName("listOpenSurveys").RequireAuthorization(Policies.Person)
            .Doc("Surveys I can answer",
                "The surveys open today (organisation's zone) whose audience includes the caller: organisation-wide ones and those of "
                + "the caller's current team, by closing date, each with `answered` (whether the caller has answered; never what).")
            .Problems(403);
        group.MapPost("/{id:guid}/responses", Answer).WithName("answerSurvey").RequireAuthorization(Policies.Person)
            .Doc("Answer a survey",
                "`score` 0–10. Each person in the audience answers once: a second answer is 409 and changes nothing. Outside the "
                + "survey's days it is 400 (`survey`); a survey whose audience does not include the caller is 404. The answer is "
                + "anonymous: the fact that the caller answered and the score are stored apart, the score with no user and no time. "
                + "No `Idempotency-Key` is honoured here, since a stored replay would tie the caller to their answer; a retry gets 409.")
            .BadInput().Problems(403, 404, 409);
        group.MapGet("/{id:guid}/results", Results).WithName("getSurveyResults").RequireAuthorization(Policies.AdminOrManager)
            .Doc("Survey results", "Admins any survey, managers their own team's (others 404). " + ResultFigures)
            .Problems(403, 404);
        group.MapGet("/results", Trend).WithName("listSurveyResults").RequireAuthorization(Policies.AdminOrManager)
            .Doc("eNPS trend",
                "The closed surveys of one audience, by closing date, each with its results: `team` for a team's surveys (managers only "
                + "their own, else 404), none for the organisation-wide ones (admins) or the manager's own team (managers). " + ResultFigures)
            .BadInput().Problems(403, 404);
        return app;
    }

    private static async Task<Created<SurveyDto>> Create(CreateSurveyCommand request, IMediator mediator, CancellationToken ct)
    {
        var survey = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/surveys/{survey.Id}/results", survey);
    }

    private static async Task<Ok<IReadOnlyList<ListedSurveyDto>>> List(IMediator mediator, CancellationToken ct, Guid? team = null) =>
        TypedResults.Ok(await mediator.Send(new ListSurveysQuery(team), ct));

    private static async Task<Ok<IReadOnlyList<OpenSurveyDto>>> Open(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListOpenSurveysQuery(), ct));

    private static async Task<NoContent> Answer(Guid id, AnswerSurveyRequest request, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new AnswerSurveyCommand(id, request.Score), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SurveyResults>> Results(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetSurveyResultsQuery(id), ct));

    private static async Task<Ok<IReadOnlyList<SurveyResults>>> Trend(IMediator mediator, CancellationToken ct, Guid? team = null) =>
        TypedResults.Ok(await mediator.Send(new ListSurveyResultsQuery(team), ct));
}

/// <summary>The body of <c>POST /surveys/{id}/responses</c>: the score alone.</summary>
public sealed record AnswerSurveyRequest(int Score);
