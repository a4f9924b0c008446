using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Surveys;
using static SalesCrm.Api.Tests.Surveys.SurveysApi;

namespace SalesCrm.Api.Tests.Surveys;

/// <summary>
/// eNPS (metrics.md section F): answers 0–10, promoters 9–10, passives 7–8, detractors 0–6, eNPS = % promoters − %
/// detractors. Each test makes its own team; the clock moves forward only after every client signed in.
/// </summary>
public sealed class SurveyTests(SurveyClockFactory factory) : IClassFixture<SurveyClockFactory>, IDisposable
{
    private static readonly string[] AggregateFields =
        ["surveyId", "question", "teamId", "opensOn", "closesOn", "minimumResponses", "withheld", "responses", "promoters", "passives", "detractors", "enps"];

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task Ten_answers_5_promoters_3_passives_2_detractors_give_an_enps_of_30_once_the_survey_has_closed()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var members = await factory.MembersAsync(team.Id, 10);
        var survey = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        int[] scores = [10, 9, 9, 10, 9, 8, 7, 7, 6, 0];
        for (var i = 0; i < scores.Length; i++)
        {
            await members[i].AnsweredAsync(survey.Id, scores[i]);
        }

        var open = await ResultsAsync(manager, survey.Id);
        Assert.Equal((ResultsWithheld?)ResultsWithheld.Open, open.Withheld);
        Assert.Equal((null, null, null, null, null), (open.Responses, open.Promoters, open.Passives, open.Detractors, open.Enps));

        factory.Clock.Offset = TimeSpan.FromDays(1);
        var closed = await ResultsAsync(manager, survey.Id);

        // 5 promoters / 10 = 50%, 2 detractors / 10 = 20%: 50 − 20 = 30.
        Assert.Null(closed.Withheld);
        Assert.Equal((10, 5, 3, 2, 30), (closed.Responses!.Value, closed.Promoters!.Value, closed.Passives!.Value, closed.Detractors!.Value, closed.Enps!.Value));
    }

    [Fact]
    public async Task Results_name_no_one_and_the_open_list_tells_a_person_only_that_they_answered()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var people = new List<(Guid Id, HttpClient Client)>();
        for (var i = 0; i < 5; i++)
        {
            var (user, client) = await factory.PersonAsync("rep", team.Id);
            people.Add((user.Id, client));
        }

        var survey = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        await people[0].Client.AnsweredAsync(survey.Id, 3);

        var mine = await (await people[0].Client.GetAsync("/api/v1/surveys/open")).ReadJsonAsync();
        var theirs = await (await people[1].Client.GetAsync("/api/v1/surveys/open")).ReadJsonAsync();
        Assert.True(Listed(mine, survey.Id).GetProperty("answered").GetBoolean());
        Assert.False(Listed(theirs, survey.Id).GetProperty("answered").GetBoolean());
        Assert.DoesNotContain("score", Listed(mine, survey.Id).EnumerateObject().Select(p => p.Name));

        foreach (var (_, client) in people.Skip(1))
        {
            await client.AnsweredAsync(survey.Id, 9);
        }

        using var admin = await factory.AdminClientAsync();
        factory.Clock.Offset = TimeSpan.FromDays(1);
        var response = await admin.GetAsync($"/api/v1/surveys/{survey.Id}/results");
        var text = await response.Content.ReadAsStringAsync();
        var results = await response.ReadJsonAsync();

        // Only aggregates: 4 promoters, 1 detractor of 5 → 80% − 20% = 60; no user id anywhere in the body.
        Assert.Equal(AggregateFields, results.EnumerateObject().Select(p => p.Name));
        Assert.Equal(60, results.GetProperty("enps").GetInt32());
        Assert.All(people, p => Assert.DoesNotContain(p.Id.ToString(), text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task No_log_line_carries_the_answer_or_who_gave_it()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (person, client) = await factory.PersonAsync("rep", team.Id);
        var survey = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        factory.Logs.Lines.Clear();

        await client.AnsweredAsync(survey.Id, 7);
        await (await client.AnswerAsync(survey.Id, 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var lines = factory.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains(survey.Id.ToString(), StringComparison.OrdinalIgnoreCase));   // request logging ran
        Assert.DoesNotContain(lines, l => l.Contains(person.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains("score", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Below_five_answers_everything_is_withheld_even_the_count_and_five_show_the_bands()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var members = await factory.MembersAsync(team.Id, 5);
        var four = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        var five = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        int[] scores = [10, 10, 8, 7, 2];
        for (var i = 0; i < 5; i++)
        {
            if (i < 4)
            {
                await members[i].AnsweredAsync(four.Id, scores[i]);
            }

            await members[i].AnsweredAsync(five.Id, scores[i]);
        }

        factory.Clock.Offset = TimeSpan.FromDays(1);
        var withheld = await ResultsAsync(manager, four.Id);
        var shown = await ResultsAsync(manager, five.Id);

        Assert.Equal((ResultsWithheld?)ResultsWithheld.TooFewResponses, withheld.Withheld);
        Assert.Equal((null, null, null, null, null), (withheld.Responses, withheld.Promoters, withheld.Passives, withheld.Detractors, withheld.Enps));
        // 2 promoters, 2 passives, 1 detractor of 5: 40% − 20% = 20.
        Assert.Equal((5, 2, 2, 1, 20), (shown.Responses!.Value, shown.Promoters!.Value, shown.Passives!.Value, shown.Detractors!.Value, shown.Enps!.Value));
    }

    [Fact]
    public async Task The_trend_lists_an_audiences_closed_surveys_in_closing_order_with_halves_rounded_and_small_ones_withheld()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var members = await factory.MembersAsync(team.Id, 8);
        var today = factory.Today;
        var first = await manager.CreateSurveyAsync(today, today, team.Id);
        var second = await manager.CreateSurveyAsync(today, today.AddDays(1), team.Id);
        var third = await manager.CreateSurveyAsync(today, today.AddDays(2), team.Id);
        var stillOpen = await manager.CreateSurveyAsync(today, today.AddDays(30), team.Id);
        int[] firstScores = [10, 9, 9, 8, 1, 5, 7, 6];   // 3 promoters, 3 detractors of 8 → 0
        int[] thirdScores = [10, 10, 9, 0, 7, 8, 8];    // 3 promoters, 1 detractor of 7 → 2 / 7 = 28.57… → 29
        for (var i = 0; i < members.Count; i++)
        {
            await members[i].AnsweredAsync(first.Id, firstScores[i]);
            if (i < 2)
            {
                await members[i].AnsweredAsync(second.Id, 10);
            }

            if (i < thirdScores.Length)
            {
                await members[i].AnsweredAsync(third.Id, thirdScores[i]);
            }
        }

        await members[0].AnsweredAsync(stillOpen.Id, 10);
        factory.Clock.Offset = TimeSpan.FromDays(3);

        var trend = await (await manager.GetAsync($"/api/v1/surveys/results?team={team.Id}")).ReadAsync<List<SurveyResults>>();
        var byDefault = await (await manager.GetAsync("/api/v1/surveys/results")).ReadAsync<List<SurveyResults>>();

        Assert.Equal([first.Id, second.Id, third.Id], trend.Select(r => r.SurveyId));
        Assert.Equal([(int?)0, null, 29], trend.Select(r => r.Enps));
        Assert.Equal([(int?)8, null, 7], trend.Select(r => r.Responses));
        Assert.Equal([null, (ResultsWithheld?)ResultsWithheld.TooFewResponses, null], trend.Select(r => r.Withheld));
        Assert.Equal(trend.Select(r => r.SurveyId), byDefault.Select(r => r.SurveyId));
    }

    [Fact]
    public async Task Each_person_answers_once_inside_the_window_and_only_surveys_of_their_audience()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var members = await factory.MembersAsync(team.Id, 5);
        var (_, outsider) = await factory.PersonAsync("rep", other.Id);
        using var admin = await factory.AdminClientAsync();
        var survey = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        var later = await manager.CreateSurveyAsync(factory.Today.AddDays(1), factory.Today.AddDays(2), team.Id);
        var everyone = await admin.CreateSurveyAsync(factory.Today, factory.Today);

        await members[0].AnsweredAsync(survey.Id, 10);
        var again = await (await members[0].AnswerAsync(survey.Id, 0)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["score"], again.ErrorFields());
        Assert.Equal(["survey"], (await (await members[1].AnswerAsync(later.Id, 5)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await outsider.AnswerAsync(survey.Id, 5)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await members[1].AnswerAsync(Guid.NewGuid(), 5)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var score in new[] { -1, 11 })
        {
            Assert.Equal(["score"], (await (await members[1].AnswerAsync(survey.Id, score)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        // Everyone answers an organisation-wide survey; the team's survey is not in the outsider's list.
        await outsider.AnsweredAsync(everyone.Id, 8);
        var outsiderOpen = await (await outsider.GetAsync("/api/v1/surveys/open")).ReadAsync<List<OpenSurveyDto>>();
        Assert.Contains(everyone.Id, outsiderOpen.Select(s => s.Id));
        Assert.DoesNotContain(survey.Id, outsiderOpen.Select(s => s.Id));

        // The rejected answers wrote nothing: the four others make five, all shown (one 10 and four 9s → 100).
        for (var i = 1; i < 5; i++)
        {
            await members[i].AnsweredAsync(survey.Id, 9);
        }

        factory.Clock.Offset = TimeSpan.FromDays(1);
        var results = await ResultsAsync(manager, survey.Id);
        Assert.Equal((5, 5, 0, 0, 100), (results.Responses!.Value, results.Promoters!.Value, results.Passives!.Value, results.Detractors!.Value, results.Enps!.Value));
        Assert.Equal(["survey"], (await (await members[1].AnswerAsync(survey.Id, 5)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Managers_ask_and_read_only_their_own_team_and_bad_surveys_are_refused_naming_the_field()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", other.Id);
        var (_, rep) = await factory.PersonAsync("rep", team.Id);
        var today = Day(factory.Today);
        var survey = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);

        await (await manager.PostAsJsonAsync("/api/v1/surveys", new { question = "Q?", opensOn = today, closesOn = today }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["teamId"], (await (await manager.PostAsJsonAsync("/api/v1/surveys", new { question = "Q?", opensOn = today, closesOn = today, teamId = other.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["question"], await BadSurveyAsync(manager, new { question = " ", opensOn = today, closesOn = today, teamId = team.Id }));
        Assert.Equal(["closesOn"], await BadSurveyAsync(manager, new { question = "Q?", opensOn = today, closesOn = Day(factory.Today.AddDays(-1)), teamId = team.Id }));
        Assert.Equal(["closesOn"], await BadSurveyAsync(manager, new { question = "Q?", opensOn = Day(factory.Today.AddDays(-9)), closesOn = Day(factory.Today.AddDays(-2)), teamId = team.Id }));
        await (await rep.PostAsJsonAsync("/api/v1/surveys", new { question = "Q?", opensOn = today, closesOn = today, teamId = team.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await (await otherManager.GetAsync($"/api/v1/surveys/{survey.Id}/results")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/api/v1/surveys/results?team={team.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await rep.GetAsync($"/api/v1/surveys/{survey.Id}/results")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var mine = await (await manager.GetAsync("/api/v1/surveys/open")).ReadAsync<List<OpenSurveyDto>>();
        Assert.Contains(survey.Id, mine.Select(s => s.Id));
    }

    [Fact]
    public async Task Whoever_sets_surveys_up_lists_their_audiences_surveys_upcoming_open_and_closed()
    {
        factory.Clock.Offset = TimeSpan.Zero;
        var team = await factory.TeamAsync();
        var other = await factory.TeamAsync();
        var (_, manager) = await factory.PersonAsync("manager", team.Id);
        var (_, otherManager) = await factory.PersonAsync("manager", other.Id);
        using var admin = await factory.AdminClientAsync();
        var closing = await manager.CreateSurveyAsync(factory.Today, factory.Today, team.Id);
        var later = await manager.CreateSurveyAsync(factory.Today.AddDays(2), factory.Today.AddDays(9), team.Id);

        // A day on: the first survey closed yesterday, the second opens tomorrow; newest (latest opening) first.
        factory.Clock.Offset = TimeSpan.FromDays(1);
        var listed = await (await manager.GetAsync("/api/v1/surveys")).ReadAsync<List<ListedSurveyDto>>();
        Assert.Equal([(later.Id, SurveyStatus.Upcoming), (closing.Id, SurveyStatus.Closed)], listed.Select(s => (s.Id, s.Status)));
        var asAdmin = await (await admin.GetAsync($"/api/v1/surveys?team={team.Id}")).ReadAsync<List<ListedSurveyDto>>();
        Assert.Equal(listed.Select(s => s.Id), asAdmin.Select(s => s.Id));

        await (await otherManager.GetAsync($"/api/v1/surveys?team={team.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string[]> BadSurveyAsync(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync("/api/v1/surveys", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields();

    private static async Task<SurveyResults> ResultsAsync(HttpClient client, Guid surveyId)
    {
        var response = await client.GetAsync($"/api/v1/surveys/{surveyId}/results");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<SurveyResults>();
    }

    private static System.Text.Json.JsonElement Listed(System.Text.Json.JsonElement list, Guid id) =>
        list.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
}
