using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Api.Common;
using SalesCrm.Application.Commission;
using SalesCrm.Application.Commission.AssignPlan;
using SalesCrm.Application.Commission.CreatePlan;
using SalesCrm.Application.Commission.GetStatement;
using SalesCrm.Application.Commission.ListAssignments;
using SalesCrm.Application.Commission.ListEarnings;
using SalesCrm.Application.Commission.ListPlans;
using SalesCrm.Application.Common.Errors;
using SalesCrm.Domain.Commission;

namespace SalesCrm.Api.Commission;

public static class CommissionEndpoints
{
    private const string Figures =
        "`period` is `month` or `quarter` and `start` its first day (400 otherwise); the period is the calendar month or quarter in the "
        + "organisation's time zone. The plan applied is the one of the rep's latest assignment effective on or before `start`. "
        + "`wonRevenue` = Σ current amount of the rep's deals won (outcome won, `closedAt` in the period, not deleted), the same "
        + "\"won\" as the results metrics; `attainment` = wonRevenue / target (4 decimals); `thresholdMet` = wonRevenue ≥ threshold × "
        + "target (exact, not on the rounded attainment); `commission` = rate × wonRevenue rounded to cents (halves away from zero) "
        + "when the threshold is met, else 0; `total` = basePay + commission.";

    public static IEndpointRouteBuilder MapCommissionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/commission").WithTags("Commission");
        group.MapPost("/plans", CreatePlan).WithName("createCommissionPlan").RequireAuthorization(Policies.Admin).WithIdempotency()
            .Doc("Create a commission plan",
                "Admins. `basePay` (≥ 0) and `target` (> 0, revenue per period) are money with up to 4 decimals; `rate` (≥ 0, a fraction of "
                + "won revenue: 0.1 = 10%) and `threshold` (≥ 0, the attainment at which commission starts: 1.0 = target met) up to 4 decimals; "
                + "`period` `month` or `quarter`. Names are unique (409). Plans are not edited: new terms are a new plan assigned from a date.")
            .BadInput().Problems(403, 409);
        group.MapGet("/plans", ListPlans).WithName("listCommissionPlans").RequireAuthorization(Policies.AdminOrManager)
            .Doc("List commission plans", "Every plan, by name: admins, and managers choosing a plan for their reps.")
            .Problems(403);
        group.MapPost("/assignments", Assign).WithName("assignCommissionPlan").RequireAuthorization(Policies.AdminOrManager).WithIdempotency()
            .Doc("Assign a commission plan",
                "Puts `userId` on `planId` from `effectiveFrom` (a month's 1st) until their next assignment; earlier assignments stay as history. "
                + "Admins assign anyone from any month; managers the reps of their own team (anyone else, themselves included, is 400 on "
                + "`userId`) from the current month on (a back-dated `effectiveFrom` is 400: it would change past statements). A second "
                + "assignment of the same rep from the same date is 409.")
            .BadInput().Problems(403, 409);
        group.MapGet("/assignments", Assignments).WithName("listCommissionAssignments").RequireAuthorization(Policies.Person).RequiredQuery("userId")
            .Doc("A rep's plan history", "The rep's assignments, oldest first. Only the rep, the manager of their team and admins; anyone else 404.")
            .BadInput().Problems(403, 404);
        group.MapGet("/statements/{userId:guid}", Statement).WithName("getCommissionStatement").RequireAuthorization(Policies.Person)
            .RequiredQuery("period", "start").QueryDate("start")
            .Doc("Commission statement",
                "One rep's pay for one period: the plan applied, won revenue, attainment, whether the threshold was met, base, commission, total "
                + "and the deals counted (id, name, amount, closedAt). Only the person, admins and, for a rep, the manager of their team see it: anyone else "
                + "(a fellow manager included) 404, integrations 403 (metrics:read does not grant pay). With no plan in force paying per this period, `plan` and the pay "
                + "figures are null. " + Figures)
            .QueryEnum<CommissionPeriod>("period").BadInput().Problems(403, 404);
        group.MapGet("/earnings", Earnings).WithName("listCommissionEarnings").RequireAuthorization(Policies.AdminOrManager)
            .RequiredQuery("period", "start").QueryDate("start")
            .Doc("Commission earnings",
                "Each rep's pay for one period, by name, and the sum of their totals: the reps of `team` (managers only their own, else 404), "
                + "by default the manager's team or, for admins, the organisation; only reps whose plan in force on `start` pays per `period`. "
                + Figures)
            .QueryEnum<CommissionPeriod>("period").BadInput().Problems(403, 404);
        return app;
    }

    private static async Task<Created<CommissionPlanDto>> CreatePlan(CreatePlanCommand request, IMediator mediator, CancellationToken ct)
    {
        var plan = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/commission/plans/{plan.Id}", plan);
    }

    private static async Task<Ok<IReadOnlyList<CommissionPlanDto>>> ListPlans(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPlansQuery(), ct));

    private static async Task<Created<CommissionAssignmentDto>> Assign(AssignPlanCommand request, IMediator mediator, CancellationToken ct)
    {
        var assignment = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/commission/assignments?userId={assignment.UserId}", assignment);
    }

    private static async Task<Ok<IReadOnlyList<CommissionAssignmentDto>>> Assignments(IMediator mediator, CancellationToken ct, Guid? userId = null) =>
        TypedResults.Ok(await mediator.Send(new ListAssignmentsQuery(userId ?? throw RequestValidationException.For("userId", "userId is required.")), ct));

    private static async Task<Ok<CommissionStatement>> Statement(
        Guid userId, IMediator mediator, CancellationToken ct, string? period = null, string? start = null) =>
        TypedResults.Ok(await mediator.Send(new GetStatementQuery(userId, QueryEnums.Parse<CommissionPeriod>(period, "period"), Day(start)), ct));

    private static async Task<Ok<CommissionEarnings>> Earnings(
        IMediator mediator, CancellationToken ct, Guid? team = null, string? period = null, string? start = null) =>
        TypedResults.Ok(await mediator.Send(new ListEarningsQuery(team, QueryEnums.Parse<CommissionPeriod>(period, "period"), Day(start)), ct));

    private static DateOnly? Day(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw RequestValidationException.For("start", "start must be a date (yyyy-MM-dd).");
}
