using SalesCrm.Application.Commission;
using SalesCrm.Domain.Commission;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Commission;

public sealed class CommissionStore(IDbConnectionFactory connections) : SqlStore(connections), ICommissionStore
{
    private const string PlanColumns =
        "p.id AS Id, p.name AS Name, p.base_pay AS BasePay, p.target AS Target, p.rate AS Rate, p.threshold AS Threshold, " +
        "p.period AS Period, p.created_at AS CreatedAt";

    private const string AssignmentColumns =
        "a.id AS Id, a.user_id AS UserId, a.plan_id AS PlanId, a.effective_from AS EffectiveFrom, a.assigned_at AS AssignedAt, a.assigned_by AS AssignedBy";


    public static readonly Sql InsertPlan = new("""
        INSERT INTO commission_plans (id, name, base_pay, target, rate, threshold, period, created_at, created_by)
        VALUES (@Id, @Name, @BasePay, @Target, @Rate, @Threshold, @Period, @CreatedAt, @By)
        """);

    public static readonly Sql FindPlan = new($"SELECT {PlanColumns} FROM commission_plans p WHERE p.id = @Id");

    public static readonly Sql ListPlans = new($"SELECT {PlanColumns} FROM commission_plans p ORDER BY p.name, p.id");

    public static readonly Sql InsertAssignment = new("""
        INSERT INTO commission_assignments (id, user_id, plan_id, effective_from, assigned_at, assigned_by)
        VALUES (@Id, @UserId, @PlanId, @EffectiveFrom, @AssignedAt, @AssignedBy)
        """);

    public static readonly Sql Assignments = new(
        $"SELECT {AssignmentColumns} FROM commission_assignments a WHERE a.user_id = @UserId ORDER BY a.effective_from");

    public static readonly Sql PlanInForce = new($"""
        SELECT {PlanColumns}
        FROM commission_assignments a
        JOIN commission_plans p ON p.id = a.plan_id
        WHERE a.user_id = @UserId AND {InForce("@UserId")}
        """);

    public static readonly Sql WonDeals = new("""
        SELECT o.id AS Id, o.name AS Name, o.amount AS Amount, o.closed_at AS ClosedAt
        FROM opportunities o
        WHERE o.owner_id = @UserId AND o.outcome = 'won' AND o.deleted_at IS NULL
          AND o.closed_at >= @From AND o.closed_at < @To
        ORDER BY o.closed_at, o.id
        """);

    public static readonly Sql Earnings = new($"""
        SELECT u.id AS UserId, u.display_name AS DisplayName, {PlanColumns}, COALESCE(w.won, 0) AS WonRevenue
        FROM users u
        JOIN commission_assignments a ON a.user_id = u.id AND {InForce("u.id")}
        JOIN commission_plans p ON p.id = a.plan_id
        LEFT JOIN (
            SELECT o.owner_id, SUM(o.amount) AS won
            FROM opportunities o
            WHERE o.outcome = 'won' AND o.deleted_at IS NULL AND o.closed_at >= @From AND o.closed_at < @To
              AND (@TeamId IS NULL OR o.owner_id IN (SELECT t.id FROM users t WHERE t.team_id = @TeamId))
            GROUP BY o.owner_id
        ) w ON w.owner_id = u.id
        WHERE u.role = 'rep' AND (@TeamId IS NULL OR u.team_id = @TeamId) AND p.period = @Period
        ORDER BY u.display_name, u.id
        """);

    public Task InsertPlanAsync(CommissionPlanDto plan, Guid by, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(InsertPlan, new
        {
            plan.Id,
            plan.Name,
            plan.BasePay,
            plan.Target,
            plan.Rate,
            plan.Threshold,
            Period = Name(plan.Period),
            plan.CreatedAt,
            By = by,
        }, "name", "A commission plan already has this name.", cancellationToken);

    public async Task<CommissionPlanDto?> FindPlanAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<PlanRow>(FindPlan, new { Id = id }, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<CommissionPlanDto>> ListPlansAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<PlanRow>(ListPlans, null, cancellationToken)).Select(p => p.ToDto())];

    public Task InsertAssignmentAsync(CommissionAssignmentDto assignment, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(InsertAssignment, assignment, "effectiveFrom",
            "This rep already has a plan assigned from this date; assign from another month.", cancellationToken);

    public async Task<IReadOnlyList<CommissionAssignmentDto>> AssignmentsAsync(Guid userId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<AssignmentRow>(Assignments, new { UserId = userId }, cancellationToken)).Select(a => a.ToDto())];

    public async Task<CommissionPlanDto?> PlanInForceAsync(Guid userId, DateOnly on, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<PlanRow>(PlanInForce, new { UserId = userId, Start = on }, cancellationToken))?.ToDto();

    public async Task<IReadOnlyList<CommissionDeal>> WonDealsAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<DealRow>(WonDeals, new { UserId = userId, From = from, To = to }, cancellationToken)).Select(d => d.ToDto())];

    public async Task<IReadOnlyList<RepEarningsRow>> EarningsAsync(
        Guid? teamId, CommissionPeriod period, DateOnly start, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<EarningsRow>(Earnings, new { TeamId = teamId, Period = Name(period), Start = start, From = from, To = to }, cancellationToken))
            .Select(r => new RepEarningsRow(r.UserId, r.DisplayName, r.ToDto(), r.WonRevenue))];

    /// <summary>Assignment <c>a</c> is the one of <paramref name="userId"/> in force on @Start: their latest effective on or before it.</summary>
    private static string InForce(string userId) =>
        $"a.effective_from = (SELECT MAX(x.effective_from) FROM commission_assignments x WHERE x.user_id = {userId} AND x.effective_from <= @Start)";

    private static string Name(CommissionPeriod period) => period.ToString().ToLowerInvariant();

    private class PlanRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public decimal BasePay { get; init; }

        public decimal Target { get; init; }

        public decimal Rate { get; init; }

        public decimal Threshold { get; init; }

        public string Period { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public CommissionPlanDto ToDto() =>
            new(Id, Name, BasePay, Target, Rate, Threshold, Enum.Parse<CommissionPeriod>(Period, ignoreCase: true), CreatedAt);
    }

    private sealed class EarningsRow : PlanRow
    {
        public Guid UserId { get; init; }

        public string DisplayName { get; init; } = "";

        public decimal WonRevenue { get; init; }
    }

    private sealed class AssignmentRow
    {
        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public Guid PlanId { get; init; }

        public DateOnly EffectiveFrom { get; init; }

        public DateTimeOffset AssignedAt { get; init; }

        public Guid AssignedBy { get; init; }

        public CommissionAssignmentDto ToDto() => new(Id, UserId, PlanId, EffectiveFrom, AssignedAt, AssignedBy);
    }

    private sealed class DealRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public decimal Amount { get; init; }

        public DateTimeOffset ClosedAt { get; init; }

        public CommissionDeal ToDto() => new(Id, Name, Amount, ClosedAt);
    }
}
