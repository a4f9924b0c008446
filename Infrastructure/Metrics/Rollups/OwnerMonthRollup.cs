using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Metrics.Rollups;

/// <summary>
/// <c>owner_months</c> (migration 0033): per owner and calendar month of the organisation's zone (the month's first day),
/// the sums of the owner's <c>opportunity_days</c> (won, won_amount) and <c>activity_days</c> (calls, emails, meetings,
/// notes) rows of the month, organisation rows left out. Triggers on the two day rollups keep it exact; these statements
/// rebuild it from them, so it is listed after both.
/// </summary>
public static class OwnerMonthRollup
{
    /// <summary>The name its built version is recorded under (metric_rollup_versions); never change it.</summary>
    public const string Name = "owner_months";

    /// <summary>Bump it in the change that alters what this rollup holds (its statements or its triggers): start-up then rebuilds it.</summary>
    public const int Version = 1;

    public static readonly Sql Clear = new("DELETE FROM owner_months");

    public static readonly Sql RebuildActivities = new(
        """
        INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
        SELECT substr(d.day, 1, 7) || '-01', d.owner_id, SUM(d.outbound_calls + d.inbound_calls), SUM(d.emails_sent + d.emails_received),
               SUM(d.meetings), SUM(d.notes)
        FROM activity_days d
        WHERE d.owner_id <> '00000000-0000-0000-0000-000000000000'
        GROUP BY substr(d.day, 1, 7), d.owner_id
        """,
        """
        INSERT INTO owner_months (month, owner_id, calls, emails, meetings, notes)
        SELECT DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1), d.owner_id, SUM(d.outbound_calls + d.inbound_calls), SUM(d.emails_sent + d.emails_received),
               SUM(d.meetings), SUM(d.notes)
        FROM activity_days d
        WHERE d.owner_id <> '00000000-0000-0000-0000-000000000000'
        GROUP BY DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1), d.owner_id
        """);

    public static readonly Sql RebuildWon = new(
        """
        INSERT INTO owner_months (month, owner_id, won, won_amount)
        SELECT substr(d.day, 1, 7) || '-01', d.owner_id, SUM(d.won), SUM(d.won_amount)
        FROM opportunity_days d
        WHERE d.owner_id <> '00000000-0000-0000-0000-000000000000' AND d.won > 0
        GROUP BY substr(d.day, 1, 7), d.owner_id
        ON CONFLICT (month, owner_id) DO UPDATE SET won = excluded.won, won_amount = excluded.won_amount
        """,
        """
        MERGE owner_months AS m
        USING (
            SELECT DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1) AS month, d.owner_id, SUM(d.won) AS won, SUM(d.won_amount) AS won_amount
            FROM opportunity_days d
            WHERE d.owner_id <> '00000000-0000-0000-0000-000000000000' AND d.won > 0
            GROUP BY DATEFROMPARTS(YEAR(d.day), MONTH(d.day), 1), d.owner_id
        ) AS s ON m.month = s.month AND m.owner_id = s.owner_id
        WHEN MATCHED THEN UPDATE SET won = s.won, won_amount = s.won_amount
        WHEN NOT MATCHED THEN INSERT (month, owner_id, won, won_amount) VALUES (s.month, s.owner_id, s.won, s.won_amount);
        """);

    public static readonly IReadOnlyList<Sql> Statements = [Clear, RebuildActivities, RebuildWon];
}
