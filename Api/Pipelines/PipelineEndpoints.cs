using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Pipelines;
using SalesCrm.Application.Pipelines.AddStage;
using SalesCrm.Application.Pipelines.ArchiveStage;
using SalesCrm.Application.Pipelines.CreatePipeline;
using SalesCrm.Application.Pipelines.DeleteStage;
using SalesCrm.Application.Pipelines.GetPipeline;
using SalesCrm.Application.Pipelines.ListPipelines;
using SalesCrm.Application.Pipelines.ReorderStages;
using SalesCrm.Application.Pipelines.SetDefaultPipeline;
using SalesCrm.Application.Pipelines.UpdatePipeline;
using SalesCrm.Application.Pipelines.UpdateStage;

namespace SalesCrm.Api.Pipelines;

public static class PipelineEndpoints
{
    private const string Readers = "Readable by every signed-in person and by integrations with `directory:read` or `opportunities:write`.";

    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/pipelines").WithTags("Pipelines");
        group.MapGet("/", ListPipelines).WithName("listPipelines").RequireAuthorization(Policies.SalesDirectoryReader)
            .Doc("List pipelines", $"Every pipeline, oldest first, cursor-paginated, each with all its stages (archived ones included, with `archivedAt`) ordered by `position`. `isDefault` marks the pipeline new opportunities go to when they name none. {Readers}")
            .BadInput().Problems(403);
        group.MapPost("/", CreatePipeline).WithName("createPipeline").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Create a pipeline", "Admins only. `stages` lists the stages in board order (1–28 of them); a stage without `kind` is an `open` stage and needs a `probability` (0–100). Every pipeline has exactly one `won` stage (probability 100) and one `lost` stage (probability 0): when the list has none, a \"Won\" and then a \"Lost\" stage are appended automatically. At least one open stage is required. Pipeline names are unique and stage names unique within a pipeline (case-insensitive, up to 200 characters); `staleAfterDays` is optional (1–3650). The new pipeline is not the default; see `setDefaultPipeline`.")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", GetPipeline).WithName("getPipeline").RequireAuthorization(Policies.SalesDirectoryReader)
            .Doc("Get a pipeline", $"One pipeline with its stages ordered by `position`, and an `ETag`. The pipeline's version rises with every change to its stages, so its ETag guards the stage order. {Readers}")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", UpdatePipeline).WithName("updatePipeline").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Rename a pipeline", "Admins only. Requires `If-Match` with the pipeline's ETag (428 without it, 412 when stale); a name another pipeline has is 409.")
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapPost("/{id:guid}/default", SetDefault).WithName("setDefaultPipeline").RequireAuthorization(Policies.Admin)
            .Doc("Make a pipeline the default", "Admins only. New opportunities that name no pipeline go to this one; exactly one pipeline is the default at any time.")
            .Problems(403, 404);
        group.MapPost("/{id:guid}/stages", AddStage).WithName("addStage").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Add a stage", "Admins only. Adds an `open` stage (a pipeline's Won and Lost stages exist once already) with a name unique in the pipeline, a `probability` (0–100) and optionally `staleAfterDays` (1–3650). Without `position` it goes after the last open stage; with one (1 to the number of stages + 1), the stages from that position on move down one place. A pipeline has at most 30 stages.")
            .BadInput().Problems(403, 404, 409);
        group.MapPut("/{id:guid}/stages/{stageId:guid}", UpdateStage).WithName("updateStage").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Update a stage", "Admins only. Sets name, `position` (1 to the number of stages; the stages in between shift by one), `probability` (0–100; the Won stage stays 100 and the Lost stage 0) and `staleAfterDays` (1–3650, or omit for no limit). Requires `If-Match` with the stage's ETag from the pipeline (428 without it, 412 when stale); a name another stage of the pipeline has is 409.")
            .BadInput().Problems(403, 404, 409, 412, 428);
        group.MapPut("/{id:guid}/stage-order", ReorderStages).WithName("reorderStages").RequiresIfMatch().RequireAuthorization(Policies.Admin)
            .Doc("Reorder the stages", "Admins only. `stageIds` lists every stage of the pipeline, archived ones included, exactly once, in the new board order; positions become 1..n. Requires `If-Match` with the pipeline's ETag (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapPost("/{id:guid}/stages/{stageId:guid}/archive", ArchiveStage).WithName("archiveStage").RequireAuthorization(Policies.Admin)
            .Doc("Archive a stage", "Admins only. An archived stage cannot be entered (new opportunities or stage moves naming it get 400); deals already in it stay until moved and its history stays. The Won and Lost stages and the pipeline's last open stage cannot be archived (409). Archiving an archived stage changes nothing.")
            .Problems(403, 404, 409);
        group.MapDelete("/{id:guid}/stages/{stageId:guid}", DeleteStage).WithName("deleteStage").RequireAuthorization(Policies.Admin)
            .Doc("Delete a stage", "Admins only. Only a stage no opportunity is or ever was in can be deleted (for a stage with history the answer is 409: archive it instead); the stages after it move up one place. The Won and Lost stages and the pipeline's last open stage cannot be deleted (409).")
            .Problems(403, 404, 409);
        return app;
    }

    private static async Task<Ok<Page<PipelineDto>>> ListPipelines(IMediator mediator, CancellationToken ct, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListPipelinesQuery(limit, cursor), ct));

    private static async Task<Created<PipelineDto>> CreatePipeline(CreatePipelineCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var pipeline = await mediator.Send(request, ct);
        response.SetETag(pipeline.Version);
        return TypedResults.Created($"/api/v1/pipelines/{pipeline.Id}", pipeline);
    }

    private static async Task<Ok<PipelineDto>> GetPipeline(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new GetPipelineQuery(id), ct));

    private static async Task<Ok<PipelineDto>> UpdatePipeline(Guid id, UpdatePipelineRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        WithETag(http.Response, await mediator.Send(new UpdatePipelineCommand(id, http.Request.IfMatchVersion(), request.Name), ct));

    private static async Task<Ok<PipelineDto>> SetDefault(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        WithETag(response, await mediator.Send(new SetDefaultPipelineCommand(id), ct));

    private static async Task<Created<StageDto>> AddStage(Guid id, AddStageRequest request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var stage = await mediator.Send(new AddStageCommand(id, request.Name, request.Probability, request.StaleAfterDays, request.Position), ct);
        response.SetETag(stage.Version);
        return TypedResults.Created($"/api/v1/pipelines/{id}", stage);
    }

    private static async Task<Ok<StageDto>> UpdateStage(
        Guid id, Guid stageId, UpdateStageRequest request, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var stage = await mediator.Send(new UpdateStageCommand(
            id, stageId, http.Request.IfMatchVersion(), request.Name, request.Probability, request.Position, request.StaleAfterDays), ct);
        http.Response.SetETag(stage.Version);
        return TypedResults.Ok(stage);
    }

    private static async Task<Ok<PipelineDto>> ReorderStages(Guid id, ReorderStagesRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        WithETag(http.Response, await mediator.Send(new ReorderStagesCommand(id, http.Request.IfMatchVersion(), request.StageIds), ct));

    private static async Task<Ok<StageDto>> ArchiveStage(Guid id, Guid stageId, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var stage = await mediator.Send(new ArchiveStageCommand(id, stageId), ct);
        response.SetETag(stage.Version);
        return TypedResults.Ok(stage);
    }

    private static async Task<NoContent> DeleteStage(Guid id, Guid stageId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteStageCommand(id, stageId), ct);
        return TypedResults.NoContent();
    }

    private static Ok<PipelineDto> WithETag(HttpResponse response, PipelineDto pipeline)
    {
        response.SetETag(pipeline.Version);
        return TypedResults.Ok(pipeline);
    }
}

/// <summary>The body of <c>PUT /pipelines/{id}</c>.</summary>
public sealed record UpdatePipelineRequest(string Name);

/// <summary>The body of <c>POST /pipelines/{id}/stages</c>.</summary>
public sealed record AddStageRequest(string Name, int Probability, int? StaleAfterDays = null, int? Position = null);

/// <summary>The body of <c>PUT /pipelines/{id}/stages/{stageId}</c>.</summary>
public sealed record UpdateStageRequest(string Name, int Position, int Probability, int? StaleAfterDays = null);

/// <summary>The body of <c>PUT /pipelines/{id}/stage-order</c>.</summary>
public sealed record ReorderStagesRequest(IReadOnlyList<Guid> StageIds);
