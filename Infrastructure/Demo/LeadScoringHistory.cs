using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Scoring events for the generated leads, by status, an hour apart from the lead's creation (none after now), with the
/// seeded rules' points: converted leads opened an email, visited pricing, matched the persona and visited pricing again
/// (1, 11, 16, 26: qualified at the fourth), qualified ones visited pricing twice (10, 20), working ones opened and clicked
/// an email and visited pricing (1, 4, 14), new ones opened an email (1), disqualified ones opened one and turned out to
/// have inaccurate company data (1, −4). Leads that already have events are left alone. Set-based: one insert, one update.
/// </summary>
public static class LeadScoringHistory
{
    private const string Plan = """
        ('converted', 'email_opened', 1, 1, 1), ('converted', 'pricing_page_visit', 10, 11, 2),
        ('converted', 'matches_buyer_persona', 5, 16, 3), ('converted', 'pricing_page_visit', 10, 26, 4),
        ('qualified', 'pricing_page_visit', 10, 10, 1), ('qualified', 'pricing_page_visit', 10, 20, 2),
        ('working', 'email_opened', 1, 1, 1), ('working', 'email_clicked', 3, 4, 2), ('working', 'pricing_page_visit', 10, 14, 3),
        ('new', 'email_opened', 1, 1, 1),
        ('disqualified', 'email_opened', 1, 1, 1), ('disqualified', 'inaccurate_company_data', -5, -4, 2)
        """;

    public static readonly Sql InsertEvents = new(
        $"""
        WITH plan (status, event_type, points, score_after, hours) AS (VALUES {Plan})
        INSERT INTO lead_score_events (id, lead_id, event_type, points, score_after, occurred_at, recorded_at, recorded_by)
        SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8'
                     || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
               l.id, p.event_type, p.points, p.score_after, l.created_at + p.hours * 3600000, l.created_at + p.hours * 3600000, l.owner_id
        FROM leads l JOIN plan p ON p.status = l.status
        WHERE l.deleted_at IS NULL AND l.created_at + p.hours * 3600000 <= @Now
          AND NOT EXISTS (SELECT 1 FROM lead_score_events x WHERE x.lead_id = l.id)
        """,
        $"""
        INSERT INTO lead_score_events (id, lead_id, event_type, points, score_after, occurred_at, recorded_at, recorded_by)
        SELECT NEWID(), l.id, p.event_type, p.points, p.score_after, DATEADD(HOUR, p.hours, l.created_at), DATEADD(HOUR, p.hours, l.created_at), l.owner_id
        FROM leads l JOIN (VALUES {Plan}) AS p (status, event_type, points, score_after, hours) ON p.status = l.status
        WHERE l.deleted_at IS NULL AND DATEADD(HOUR, p.hours, l.created_at) <= @Now
          AND NOT EXISTS (SELECT 1 FROM lead_score_events x WHERE x.lead_id = l.id)
        """);

    /// <summary>The score of every lead just given events, and the instant its events first crossed the threshold.</summary>
    public static readonly Sql UpdateLeads = new("""
        UPDATE leads
        SET score = (SELECT SUM(e.points) FROM lead_score_events e WHERE e.lead_id = leads.id),
            sales_qualified_at = (SELECT MIN(e.occurred_at) FROM lead_score_events e
                                  WHERE e.lead_id = leads.id
                                    AND e.score_after >= (SELECT s.threshold FROM lead_scoring_settings s WHERE s.id = 1)
                                    AND e.score_after - e.points < (SELECT s.threshold FROM lead_scoring_settings s WHERE s.id = 1))
        WHERE score = 0 AND sales_qualified_at IS NULL AND EXISTS (SELECT 1 FROM lead_score_events e WHERE e.lead_id = leads.id)
        """);

    public static async Task AddAsync(DbConnection connection, SqlDialect dialect, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertEvents.For(dialect), new { Now = now }, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UpdateLeads.For(dialect), null, transaction, commandTimeout: 0, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
