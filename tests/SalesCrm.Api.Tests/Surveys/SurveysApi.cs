using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Surveys;

namespace SalesCrm.Api.Tests.Surveys;

public static class SurveysApi
{
    public static async Task<SurveyDto> CreateSurveyAsync(this HttpClient client, DateOnly opensOn, DateOnly closesOn, Guid? teamId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/surveys",
            new { question = "How likely are you to recommend working here?", opensOn = Day(opensOn), closesOn = Day(closesOn), teamId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<SurveyDto>();
    }

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, Guid surveyId, int score) =>
        client.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/responses", new { score });

    public static async Task AnsweredAsync(this HttpClient client, Guid surveyId, int score)
    {
        var response = await client.AnswerAsync(surveyId, score);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>People of one team, each with a signed-in client (the clients are made before any clock move).</summary>
    public static async Task<List<HttpClient>> MembersAsync(this ApiFactory factory, Guid teamId, int count)
    {
        var members = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            members.Add((await factory.PersonAsync("rep", teamId)).Client);
        }

        return members;
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
