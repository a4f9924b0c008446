using System.Globalization;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Surveys;
using static SalesCrm.Api.Tests.Security.Matrix;

namespace SalesCrm.Api.Tests.Security;

/// <summary>eNPS surveys: managers ask and read their own team, admins everything, people answer their own audience's surveys.</summary>
public static class SurveyAccessCases
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IEnumerable<AccessCase> All =>
    [
        new("createSurvey", w => Task.FromResult(w.TeamA.Id.ToString()),
            id => Send(HttpMethod.Post, "/api/v1/surveys", new { question = "Recommend us?", opensOn = Today, closesOn = Today, teamId = id }),
            Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.UnknownReference), (Callers.Admin, Access.Allowed))),
        new("listOpenSurveys", _ => Task.FromResult(""), _ => Get("/api/v1/surveys/open"),
            Expect([.. Callers.People.Select(p => (p, Access.Allowed))])),
        new("answerSurvey", TeamSurveyAsync, id => Send(HttpMethod.Post, $"/api/v1/surveys/{id}/responses", new { score = 7 }),
            Expect((Callers.Owner, Access.Allowed), (Callers.TeammateRep, Access.Allowed), (Callers.Manager, Access.Allowed),
                (Callers.OtherTeamRep, Access.Hidden), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Hidden))),
        new("getSurveyResults", TeamSurveyAsync, id => Get($"/api/v1/surveys/{id}/results"), TeamReaders()),
        new("listSurveyResults", w => Task.FromResult(w.TeamA.Id.ToString()), id => Get($"/api/v1/surveys/results?team={id}"), TeamReaders()),
    ];

    /// <summary>Results: the team's manager and admins; the other manager gets 404; reps and integrations 403.</summary>
    private static Dictionary<string, Access> TeamReaders() =>
        Expect((Callers.Manager, Access.Allowed), (Callers.OtherTeamManager, Access.Hidden), (Callers.Admin, Access.Allowed));

    private static async Task<string> TeamSurveyAsync(AccessWorld world)
    {
        var response = await world.Admin.PostAsJsonAsync("/api/v1/surveys",
            new { question = "Recommend us?", opensOn = Today, closesOn = Today, teamId = world.TeamA.Id });
        return (await response.ReadAsync<SurveyDto>()).Id.ToString();
    }
}
