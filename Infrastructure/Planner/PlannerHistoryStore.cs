using SalesCrm.Application.Planner;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Planner;

/// <summary>
/// The planner's history from the day rollups (activity_days, opportunity_days, kept exact by triggers): one owner's
/// rows over the window's days through their owner indexes, or the organisation's rows (owner <see cref="Guid.Empty"/>).
/// Won deals count by the day they closed won (current outcome), opportunities by creation, meetings when held.
/// </summary>
public sealed class PlannerHistoryStore(IDbConnectionFactory connections) : SqlStore(connections), IPlannerHistoryStore
{
    public static readonly Sql History = new("""
        SELECT
            (SELECT COALESCE(SUM(d.outbound_calls), 0) FROM activity_days d
             WHERE d.owner_id = @OwnerId AND d.day >= @FromDay AND d.day < @ToDay) AS OutboundCalls,
            (SELECT COALESCE(SUM(d.meetings_held), 0) FROM activity_days d
             WHERE d.owner_id = @OwnerId AND d.day >= @FromDay AND d.day < @ToDay) AS MeetingsHeld,
            (SELECT COALESCE(SUM(o.created), 0) FROM opportunity_days o
             WHERE o.owner_id = @OwnerId AND o.day >= @FromDay AND o.day < @ToDay) AS OpportunitiesCreated,
            (SELECT COALESCE(SUM(o.won), 0) FROM opportunity_days o
             WHERE o.owner_id = @OwnerId AND o.day >= @FromDay AND o.day < @ToDay) AS Won,
            (SELECT COALESCE(SUM(o.won_amount), 0) FROM opportunity_days o
             WHERE o.owner_id = @OwnerId AND o.day >= @FromDay AND o.day < @ToDay) AS WonAmount
        """);

    public async Task<PlannerHistory> HistoryAsync(Guid? userId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var row = await QuerySingleOrDefaultAsync<HistoryRow>(History, new { OwnerId = userId ?? Guid.Empty, FromDay = from, ToDay = to }, cancellationToken);
        return row is null ? new PlannerHistory(0, 0, 0, 0, 0) : new PlannerHistory(row.OutboundCalls, row.MeetingsHeld, row.OpportunitiesCreated, row.Won, row.WonAmount);
    }

    private sealed class HistoryRow
    {
        public long OutboundCalls { get; init; }

        public long MeetingsHeld { get; init; }

        public long OpportunitiesCreated { get; init; }

        public long Won { get; init; }

        public decimal WonAmount { get; init; }
    }
}
