using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Quotas;
using SalesCrm.Application.Quotas.CreateQuota;
using SalesCrm.Application.Quotas.DeleteQuota;
using SalesCrm.Application.Quotas.GetQuota;
using SalesCrm.Application.Quotas.GetQuotaHistory;
using SalesCrm.Application.Quotas.ListQuotas;
using SalesCrm.Application.Quotas.UpdateQuota;
using SalesCrm.Domain.Quotas;

namespace SalesCrm.Api.Quotas;

public static class QuotaEndpoints
{
    public static IEndpointRouteBuilder MapQuotaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quotas").WithTags("Quotas");
        group.MapGet("/", List).WithName("listQuotas").RequireAuthorization(Policies.MetricsReader)
            .Doc("List quotas", "Quotas whose period overlaps [`from`, `to`), ordered by period start. Reps see their own, managers their team's, admins and integrations with `metrics:read` everyone's. Filter by `userId`, `teamId`, `period`.")
            .BadInput().Problems(403);
        group.MapPost("/", Create).WithName("createQuota").RequireAuthorization(Policies.AdminOrManager).WithIdempotency()
            .Doc("Set a quota",
                "Admins, and managers for reps of their own team. `period` is `month`, `quarter` or `year` and `periodStart` its first day; "
                + "`kind` is `revenue` (a money target in the organisation's currency, up to 4 decimals) or `deals` (a whole number of won deals). "
                + "One quota per rep and period: a second one is 409 (update the first).")
            .BadInput().Problems(403, 409);
        group.MapGet("/{id:guid}", Get).WithName("getQuota").RequireAuthorization(Policies.MetricsReader)
            .Doc("Get a quota", "One quota with its `ETag`. Outside the caller's scope the answer is 404.")
            .Problems(403, 404);
        group.MapPut("/{id:guid}", Update).WithName("updateQuota").RequiresIfMatch().RequireAuthorization(Policies.AdminOrManager)
            .Doc("Change a quota", "Sets the kind and target; the previous target stays in the history. Requires `If-Match` (428 without it, 412 when stale).")
            .BadInput().Problems(403, 404, 412, 428);
        group.MapDelete("/{id:guid}", Delete).WithName("deleteQuota").RequireAuthorization(Policies.AdminOrManager)
            .Doc("Delete a quota", "Removes the quota so the period can be set again; the history records the deletion.")
            .Problems(403, 404);
        group.MapGet("/{id:guid}/history", History).WithName("getQuotaHistory").RequireAuthorization(Policies.MetricsReader)
            .Doc("Quota history", "Every target the quota has had, oldest first, with who set it and when.")
            .Problems(403, 404);
        return app;
    }

    private static async Task<Ok<Page<QuotaDto>>> List(
        IMediator mediator, CancellationToken ct, Guid? userId = null, Guid? teamId = null, QuotaPeriod? period = null,
        DateOnly? from = null, DateOnly? to = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new ListQuotasQuery(userId, teamId, period, from, to, limit, cursor), ct));

    private static async Task<Created<QuotaDto>> Create(CreateQuotaCommand request, IMediator mediator, HttpResponse response, CancellationToken ct)
    {
        var quota = await mediator.Send(request, ct);
        response.SetETag(quota.Version);
        return TypedResults.Created($"/api/v1/quotas/{quota.Id}", quota);
    }

    private static async Task<Ok<QuotaDto>> Get(Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        response.OkWithETag(await mediator.Send(new GetQuotaQuery(id), ct));

    private static async Task<Ok<QuotaDto>> Update(Guid id, UpdateQuotaRequest request, IMediator mediator, HttpContext http, CancellationToken ct) =>
        http.Response.OkWithETag(await mediator.Send(new UpdateQuotaCommand(id, http.Request.IfMatchVersion(), request.Kind, request.Target), ct));

    private static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new DeleteQuotaCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<QuotaChangeDto>>> History(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetQuotaHistoryQuery(id), ct));
}

/// <summary>The body of <c>PUT /quotas/{id}</c>.</summary>
public sealed record UpdateQuotaRequest(QuotaKind Kind, decimal Target);
