using System.Net;
using System.Net.Http.Json;
using SalesCrm.Api.Tests.Infrastructure;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Pipelines;
using SalesCrm.Domain.Pipelines;
using static SalesCrm.Api.Tests.Pipelines.PipelinesApi;

namespace SalesCrm.Api.Tests.Pipelines;

public sealed class PipelineTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_seeded_default_pipeline_has_its_stages_in_order()
    {
        var (_, rep) = await factory.PersonAsync("rep");

        var response = await rep.GetAsync($"/api/v1/pipelines/{DefaultPipelineId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var pipeline = await response.ReadAsync<PipelineDto>();
        Assert.True(pipeline.IsDefault);
        Assert.Equal(
            ["Discovery 10 open", "Qualified 20 open", "Demo 40 open", "Trial 60 open", "Final conversation 80 open", "Won 100 won", "Lost 0 lost"],
            pipeline.Stages.Select(s => $"{s.Name} {s.Probability} {s.Kind.ToName()}"));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], pipeline.Stages.Select(s => s.Position));
    }

    [Theory]
    [InlineData("directory:read", HttpStatusCode.OK)]
    [InlineData("opportunities:write", HttpStatusCode.OK)]
    [InlineData("metrics:read", HttpStatusCode.Forbidden)]
    public async Task Integrations_read_pipelines_with_a_sales_scope(string scope, HttpStatusCode expected)
    {
        using var client = await factory.IntegrationAsync(scope);

        Assert.Equal(expected, (await client.GetAsync("/api/v1/pipelines")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/pipelines/{DefaultPipelineId}")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/lost-reasons")).StatusCode);
    }

    [Fact]
    public async Task Lists_are_paginated_with_stages_on_every_page()
    {
        await factory.CreatePipelineAsync("A");
        await factory.CreatePipelineAsync("B", "C");
        using var admin = await factory.AdminClientAsync();

        var seen = new List<PipelineDto>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/v1/pipelines?limit=1&cursor={cursor}")).ReadAsync<Page<PipelineDto>>();
            seen.Add(Assert.Single(page.Items));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(DefaultPipelineId, seen[0].Id);
        Assert.True(seen.Count >= 3);
        foreach (var pipeline in seen)
        {
            Assert.Equal((await admin.PipelineAsync(pipeline.Id)).Stages.Select(s => s.Id), pipeline.Stages.Select(s => s.Id));
        }
    }

    [Fact]
    public async Task Won_and_lost_are_appended_when_the_list_has_none()
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/pipelines", new
        {
            name = "Renewals",
            stages = new object[] { new { name = "Contacted", probability = 30, staleAfterDays = 14 }, new { name = "Negotiation", probability = 70 } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pipeline = await response.ReadAsync<PipelineDto>();
        Assert.Equal($"/api/v1/pipelines/{pipeline.Id}", response.Headers.Location?.ToString());
        Assert.False(pipeline.IsDefault);
        Assert.Equal(["Contacted", "Negotiation", "Won", "Lost"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal([StageKind.Open, StageKind.Open, StageKind.Won, StageKind.Lost], pipeline.Stages.Select(s => s.Kind));
        Assert.Equal([30, 70, 100, 0], pipeline.Stages.Select(s => s.Probability));
        Assert.Equal(14, pipeline.Stages[0].StaleAfterDays);
        Assert.Equivalent(pipeline, await admin.PipelineAsync(pipeline.Id));
    }

    [Fact]
    public async Task Given_won_and_lost_stages_keep_their_names_and_places()
    {
        using var admin = await factory.AdminClientAsync();

        var pipeline = await (await admin.PostAsJsonAsync("/api/v1/pipelines", new
        {
            name = "Partners",
            stages = new object[]
            {
                new { name = "Signed", kind = "won" }, new { name = "Talking", probability = 50 }, new { name = "Dropped", kind = "lost", probability = 0 },
            },
        })).ReadAsync<PipelineDto>();

        Assert.Equal(["Signed won 100", "Talking open 50", "Dropped lost 0"], pipeline.Stages.Select(s => $"{s.Name} {s.Kind.ToName()} {s.Probability}"));
    }

    [Theory]
    [InlineData("""{"name":"X","stages":[]}""", "stages")]
    [InlineData("""{"name":"X","stages":[{"name":"Only won","kind":"won"}]}""", "stages")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10},{"name":"W1","kind":"won"},{"name":"W2","kind":"won"}]}""", "stages")]
    [InlineData("""{"name":"X","stages":[{"name":"A"}]}""", "stages[0].probability")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":101}]}""", "stages[0].probability")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10},{"name":"W","kind":"won","probability":50}]}""", "stages[1].probability")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10,"staleAfterDays":0}]}""", "stages[0].staleAfterDays")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10},{"name":"a","probability":20}]}""", "stages")]
    [InlineData("""{"name":"X","stages":[{"name":"Won","probability":10}]}""", "stages")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10,"kind":"closed"}]}""", "stages[0].kind")]
    [InlineData("""{"name":"","stages":[{"name":"A","probability":10}]}""", "name")]
    [InlineData("""{"name":"X","stages":[{"name":"A","probability":10}],"isDefault":true}""", "isDefault")]
    public async Task Bad_pipelines_are_400_naming_the_field(string body, string field)
    {
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync("/api/v1/pipelines", ApiClientExtensions.JsonBody(body));

        Assert.Contains(field, (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_taken_pipeline_name_is_409_and_only_admins_create()
    {
        var (_, manager) = await factory.PersonAsync("manager", (await factory.TeamAsync()).Id);
        using var admin = await factory.AdminClientAsync();
        var body = new { name = "sales", stages = new[] { new { name = "A", probability = 10 } } };

        Assert.Equal(["name"], (await (await admin.PostAsJsonAsync("/api/v1/pipelines", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        await (await manager.PostAsJsonAsync("/api/v1/pipelines", body with { name = "Mine" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_with_an_idempotency_key_twice_creates_one_pipeline()
    {
        using var admin = await factory.AdminClientAsync();
        var body = new { name = $"Idem {Guid.NewGuid():N}", stages = new[] { new { name = "A", probability = 10 } } };

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pipelines") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "pipeline-1");
            return request;
        }

        var first = await admin.SendAsync(Request());
        var again = await admin.SendAsync(Request());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.ReadAsync<PipelineDto>()).Id, (await again.ReadAsync<PipelineDto>()).Id);
    }

    [Fact]
    public async Task Renaming_needs_the_pipeline_etag()
    {
        var pipeline = await factory.CreatePipelineAsync("A");
        using var admin = await factory.AdminClientAsync();
        var url = $"/api/v1/pipelines/{pipeline.Id}";

        await (await admin.SendAsync(HttpMethod.Put, url, new { name = "Renamed" })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var renamed = await admin.SendAsync(HttpMethod.Put, url, new { name = "Renamed" }, pipeline.Version);
        await (await admin.SendAsync(HttpMethod.Put, url, new { name = "Again" }, pipeline.Version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await admin.SendAsync(HttpMethod.Put, url, new { name = "Sales" }, pipeline.Version + 1)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.SendAsync(HttpMethod.Put, $"/api/v1/pipelines/{Guid.NewGuid()}", new { name = "X" }, 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Renamed", (await renamed.ReadAsync<PipelineDto>()).Name);
        Assert.Equal($"\"{pipeline.Version + 1}\"", renamed.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Stages_are_added_after_the_last_open_stage_or_at_a_position()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        using var admin = await factory.AdminClientAsync();
        var url = $"/api/v1/pipelines/{pipeline.Id}/stages";

        var appended = await admin.PostAsJsonAsync(url, new { name = "C", probability = 50, staleAfterDays = 7 });
        var inserted = await admin.PostAsJsonAsync(url, new { name = "First", probability = 5, position = 1 });

        Assert.Equal(HttpStatusCode.Created, appended.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inserted.StatusCode);
        var stage = await appended.ReadAsync<StageDto>();
        Assert.Equal((StageKind.Open, 7), (stage.Kind, stage.StaleAfterDays));
        var after = await admin.PipelineAsync(pipeline.Id);
        Assert.Equal(["First 1", "A 2", "B 3", "C 4", "Won 5", "Lost 6"], after.Stages.Select(s => $"{s.Name} {s.Position}"));
        Assert.Equal(pipeline.Version + 2, after.Version);
    }

    [Fact]
    public async Task Bad_new_stages_are_refused()
    {
        var pipeline = await factory.CreatePipelineAsync("A");
        using var admin = await factory.AdminClientAsync();
        var url = $"/api/v1/pipelines/{pipeline.Id}/stages";

        Assert.Equal(["name"], (await (await admin.PostAsJsonAsync(url, new { name = "won", probability = 10 })).ShouldBeProblemAsync(HttpStatusCode.Conflict)).ErrorFields());
        Assert.Equal(["position"], (await (await admin.PostAsJsonAsync(url, new { name = "Z", probability = 10, position = 5 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["probability"], (await (await admin.PostAsJsonAsync(url, new { name = "Z", probability = -1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["kind"], (await (await admin.PostAsJsonAsync(url, new { name = "Z", probability = 10, kind = "won" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        await (await admin.PostAsJsonAsync($"/api/v1/pipelines/{Guid.NewGuid()}/stages", new { name = "Z", probability = 10 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Updating_a_stage_needs_its_etag_and_moves_the_stages_between()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B", "C");
        using var admin = await factory.AdminClientAsync();
        var c = pipeline.Stages[2];
        var url = $"/api/v1/pipelines/{pipeline.Id}/stages/{c.Id}";
        var body = new { name = "C renamed", position = 1, probability = 35, staleAfterDays = 21 };

        await (await admin.SendAsync(HttpMethod.Put, url, body)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await admin.SendAsync(HttpMethod.Put, url, body, c.Version);
        await (await admin.SendAsync(HttpMethod.Put, url, body, c.Version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal($"\"{c.Version + 1}\"", updated.Headers.ETag?.ToString());
        var after = await admin.PipelineAsync(pipeline.Id);
        Assert.Equal(["C renamed 1 35 21", "A 2 10 ", "B 3 20 ", "Won 4 100 ", "Lost 5 0 "],
            after.Stages.Select(s => $"{s.Name} {s.Position} {s.Probability} {s.StaleAfterDays}"));

        var back = await admin.SendAsync(HttpMethod.Put, url, body with { position = 3, staleAfterDays = 0 }, c.Version + 1);
        Assert.Equal(["staleAfterDays"], (await back.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Won_keeps_100_percent_and_positions_stay_in_range()
    {
        var pipeline = await factory.CreatePipelineAsync("A");
        using var admin = await factory.AdminClientAsync();
        var won = pipeline.Stages.Single(s => s.Kind == StageKind.Won);
        var url = $"/api/v1/pipelines/{pipeline.Id}/stages/{won.Id}";

        var probability = await admin.SendAsync(HttpMethod.Put, url, new { name = "Won", position = 2, probability = 90 }, won.Version);
        var position = await admin.SendAsync(HttpMethod.Put, url, new { name = "Won", position = 4, probability = 100 }, won.Version);
        var renamed = await admin.SendAsync(HttpMethod.Put, url, new { name = "Closed won", position = 2, probability = 100 }, won.Version);
        var otherPipeline = await admin.SendAsync(HttpMethod.Put, $"/api/v1/pipelines/{DefaultPipelineId}/stages/{won.Id}",
            new { name = "Won", position = 2, probability = 100 }, won.Version);

        Assert.Equal(["probability"], (await probability.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["position"], (await position.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await otherPipeline.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reordering_names_every_stage_once_and_needs_the_pipeline_etag()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        using var admin = await factory.AdminClientAsync();
        var url = $"/api/v1/pipelines/{pipeline.Id}/stage-order";
        var ids = pipeline.Stages.Select(s => s.Id).ToArray();
        var reversed = ids.Reverse().ToArray();

        await (await admin.SendAsync(HttpMethod.Put, url, new { stageIds = reversed })).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var missing = await admin.SendAsync(HttpMethod.Put, url, new { stageIds = reversed[1..] }, pipeline.Version);
        var foreign = await admin.SendAsync(HttpMethod.Put, url, new { stageIds = reversed[1..].Append(Discovery) }, pipeline.Version);
        var done = await admin.SendAsync(HttpMethod.Put, url, new { stageIds = reversed }, pipeline.Version);
        var stale = await admin.SendAsync(HttpMethod.Put, url, new { stageIds = ids }, pipeline.Version);

        Assert.Equal(["stageIds"], (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["stageIds"], (await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(["Lost", "Won", "B", "A"], (await done.ReadAsync<PipelineDto>()).Stages.Select(s => s.Name));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Archiving_keeps_won_lost_and_one_open_stage()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B");
        using var admin = await factory.AdminClientAsync();
        string Archive(StageDto s) => $"/api/v1/pipelines/{pipeline.Id}/stages/{s.Id}/archive";

        var archived = await admin.PostAsync(Archive(pipeline.Stages[0]), null);
        var again = await admin.PostAsync(Archive(pipeline.Stages[0]), null);
        var lastOpen = await admin.PostAsync(Archive(pipeline.Stages[1]), null);
        var won = await admin.PostAsync(Archive(pipeline.Stages[2]), null);
        var lost = await admin.PostAsync(Archive(pipeline.Stages[3]), null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.NotNull((await archived.ReadAsync<StageDto>()).ArchivedAt);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await lastOpen.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await won.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await lost.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull((await admin.PipelineAsync(pipeline.Id)).Stages[0].ArchivedAt);
    }

    [Fact]
    public async Task An_unused_stage_is_deleted_and_the_gap_closed()
    {
        var pipeline = await factory.CreatePipelineAsync("A", "B", "C");
        using var admin = await factory.AdminClientAsync();

        var deleted = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[1].Id}");
        var won = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[3].Id}");
        var gone = await admin.DeleteAsync($"/api/v1/pipelines/{pipeline.Id}/stages/{pipeline.Stages[1].Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await won.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["A 1", "C 2", "Won 3", "Lost 4"], (await admin.PipelineAsync(pipeline.Id)).Stages.Select(s => $"{s.Name} {s.Position}"));
    }

    [Fact]
    public async Task One_pipeline_is_the_default()
    {
        var pipeline = await factory.CreatePipelineAsync("A");
        using var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsync($"/api/v1/pipelines/{pipeline.Id}/default", null);
        var defaults = (await (await admin.GetAsync("/api/v1/pipelines?limit=200")).ReadAsync<Page<PipelineDto>>()).Items.Where(p => p.IsDefault).ToList();
        await admin.PostAsync($"/api/v1/pipelines/{DefaultPipelineId}/default", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadAsync<PipelineDto>()).IsDefault);
        Assert.Equal(pipeline.Id, Assert.Single(defaults).Id);
        Assert.True((await admin.PipelineAsync(DefaultPipelineId)).IsDefault);
    }

    [Fact]
    public async Task Only_admins_manage_stages()
    {
        var (_, rep) = await factory.PersonAsync("rep");
        using var integration = await factory.IntegrationAsync("opportunities:write");
        var url = $"/api/v1/pipelines/{DefaultPipelineId}";

        foreach (var client in new[] { rep, integration })
        {
            await (await client.PostAsJsonAsync($"{url}/stages", new { name = "Z", probability = 10 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.SendAsync(HttpMethod.Put, $"{url}/stages/{Demo}", new { name = "Z", position = 1, probability = 10 }, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"{url}/stages/{Demo}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync($"{url}/stages/{Demo}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"{url}/default", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.SendAsync(HttpMethod.Put, $"{url}/stage-order", new { stageIds = Array.Empty<Guid>() }, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}
