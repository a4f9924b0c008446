using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.LeadScoring;
using SalesCrm.Domain.LeadScoring;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.LeadScoring;

/// <summary>Scoring rules, the organisation's settings, and lead events with the score and qualification they drive.</summary>
public sealed class LeadScoringStore(IDbConnectionFactory connections) : SqlStore(connections), ILeadScoringStore
{
    private const string RuleColumns =
        "event_type AS Type, points AS Points, created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version";

    private const string EventColumns =
        "id AS Id, lead_id AS LeadId, event_type AS Type, points AS Points, score_after AS ScoreAfter, occurred_at AS OccurredAt, "
        + "recorded_at AS RecordedAt, recorded_by AS RecordedBy, external_id AS ExternalId";

    public static readonly Sql ListRules = new($"SELECT {RuleColumns} FROM lead_scoring_rules ORDER BY event_type");

    public static readonly Sql FindRule = new($"SELECT {RuleColumns} FROM lead_scoring_rules WHERE event_type = @Type");

    public static readonly Sql InsertRule = new("""
        INSERT INTO lead_scoring_rules (event_type, points, created_at, updated_at, version)
        VALUES (@Type, @Points, @CreatedAt, @UpdatedAt, @Version)
        """);

    public static readonly Sql UpdateRule = new("""
        UPDATE lead_scoring_rules SET points = @Points, updated_at = @At, version = version + 1
        WHERE event_type = @Type AND version = @ExpectedVersion
        """);

    public static readonly Sql DeleteRule = new("DELETE FROM lead_scoring_rules WHERE event_type = @Type");

    public static readonly Sql Settings = new("""
        SELECT threshold AS Threshold, assignment AS Assignment, assignment_team_id AS TeamId, assignment_user_id AS UserId,
               updated_at AS UpdatedAt, version AS Version
        FROM lead_scoring_settings WHERE id = 1
        """);

    /// <summary>A new round-robin team starts its turns from its first rep.</summary>
    public static readonly Sql UpdateSettings = new("""
        UPDATE lead_scoring_settings
        SET threshold = @Threshold, assignment = @Assignment, assignment_team_id = @TeamId, assignment_user_id = @UserId,
            round_robin_last_user_id = CASE WHEN assignment_team_id = @TeamId THEN round_robin_last_user_id ELSE NULL END,
            updated_at = @UpdatedAt, version = version + 1
        WHERE id = 1 AND version = @ExpectedVersion
        """);

    public static readonly Sql FindEventByExternalId = new(
        $"SELECT {EventColumns} FROM lead_score_events WHERE external_source = @ExternalSource AND external_id = @ExternalId");

    public static readonly Sql ListEvents = new($"SELECT {EventColumns} FROM lead_score_events WHERE lead_id = @LeadId ORDER BY occurred_at, id");

    /// <summary>
    /// Adds the points in place (never read-modify-write), so concurrent events on one lead all count, and bumps the lead's
    /// version: its score is part of the record.
    /// </summary>
    public static readonly Sql AddPoints = new("UPDATE leads SET score = score + @Points, version = version + 1 WHERE id = @LeadId AND deleted_at IS NULL");

    public static readonly Sql Score = new("SELECT score FROM leads WHERE id = @LeadId");

    public static readonly Sql InsertEvent = new("""
        INSERT INTO lead_score_events (id, lead_id, event_type, points, score_after, occurred_at, recorded_at, recorded_by, external_source, external_id)
        VALUES (@Id, @LeadId, @Type, @Points, @ScoreAfter, @OccurredAt, @RecordedAt, @RecordedBy, @ExternalSource, @ExternalId)
        """);

    /// <summary>
    /// Marks the lead sales-qualified, once, when this event adds points and leaves its score at or above the threshold: the
    /// event that carries it across, or, for a lead already at or above a lowered threshold, its next event that adds points.
    /// </summary>
    public static readonly Sql Qualify = new("""
        UPDATE leads SET sales_qualified_at = @OccurredAt, version = version + 1
        WHERE id = @LeadId AND sales_qualified_at IS NULL AND status NOT IN ('converted', 'disqualified') AND @Points > 0
          AND score >= (SELECT s.threshold FROM lead_scoring_settings s WHERE s.id = 1)
        """);

    /// <summary>
    /// Advances the round-robin cursor to the next active rep of the configured team in the order their accounts were
    /// created (after the last one assigned, wrapping to the first; the id breaks a tie within a millisecond). A timestamp
    /// orders alike on both engines, where ids do not (lowercase text on SQLite, uniqueidentifier bytes on SQL Server).
    /// One UPDATE of the settings row: concurrent qualifications take turns on its lock.
    /// </summary>
    public static readonly Sql AdvanceRoundRobin = new("""
        UPDATE lead_scoring_settings
        SET round_robin_last_user_id = COALESCE(
            (SELECT n.id FROM users n
             LEFT JOIN users l ON l.id = lead_scoring_settings.round_robin_last_user_id
             WHERE n.team_id = lead_scoring_settings.assignment_team_id AND n.role = 'rep' AND n.is_active = 1
               AND (l.id IS NULL OR n.created_at > l.created_at OR (n.created_at = l.created_at AND n.id > l.id))
             ORDER BY n.created_at, n.id {limit}),
            (SELECT f.id FROM users f
             WHERE f.team_id = lead_scoring_settings.assignment_team_id AND f.role = 'rep' AND f.is_active = 1
             ORDER BY f.created_at, f.id {limit}))
        WHERE id = 1 AND assignment = 'round_robin'
        """);

    /// <summary>Who gets a newly qualified lead: the round-robin cursor just advanced, or the named active owner; none otherwise.</summary>
    public static readonly Sql Assignee = new("""
        SELECT u.id AS Id FROM lead_scoring_settings s
        JOIN users u ON u.id = CASE WHEN s.assignment = 'round_robin' THEN s.round_robin_last_user_id
                                    WHEN s.assignment = 'owner' THEN s.assignment_user_id END
        WHERE s.id = 1 AND u.is_active = 1
        """);

    public static readonly Sql Assign = new("UPDATE leads SET owner_id = @OwnerId WHERE id = @LeadId");

    public async Task<IReadOnlyList<ScoringRuleDto>> ListRulesAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync<RuleRow>(ListRules, null, cancellationToken)).Select(r => r.ToDto())];

    public async Task<ScoringRuleDto?> FindRuleAsync(string type, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<RuleRow>(FindRule, new { Type = type }, cancellationToken))?.ToDto();

    public Task InsertRuleAsync(ScoringRuleDto rule, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(InsertRule, new { rule.Type, rule.Points, rule.CreatedAt, rule.UpdatedAt, rule.Version }, "type", "A rule for this event type exists; change its points instead.", cancellationToken);

    public async Task<bool> UpdateRuleAsync(string type, int points, int expectedVersion, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpdateRule, new { Type = type, Points = points, At = at, ExpectedVersion = expectedVersion }, cancellationToken) == 1;

    public async Task<bool> DeleteRuleAsync(string type, CancellationToken cancellationToken) =>
        await ExecuteAsync(DeleteRule, new { Type = type }, cancellationToken) == 1;

    public async Task<ScoringSettingsDto> SettingsAsync(CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<SettingsRow>(Settings, null, cancellationToken))!.ToDto();

    public async Task<bool> UpdateSettingsAsync(ScoringSettingsDto settings, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpdateSettings, new
        {
            settings.Threshold,
            Assignment = AssignmentNames.Of(settings.Assignment),
            settings.TeamId,
            settings.UserId,
            settings.UpdatedAt,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public async Task<LeadScoreEventDto?> FindEventByExternalIdAsync(string externalSource, string externalId, CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<EventRow>(
            FindEventByExternalId, new { ExternalSource = externalSource, ExternalId = externalId }, cancellationToken))?.ToDto();

    public async Task<LeadScoreOutcome?> TryRecordAsync(LeadScoreEventRecord scoreEvent, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(write => RecordAsync(write, scoreEvent), cancellationToken);
        }
        catch (System.Data.Common.DbException ex) when (Connections.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<LeadScoreEventDto>> ListEventsAsync(Guid leadId, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<EventRow>(ListEvents, new { LeadId = leadId }, cancellationToken)).Select(r => r.ToDto())];

    private static async Task<LeadScoreOutcome> RecordAsync(WriteScope write, LeadScoreEventRecord e)
    {
        if (await write.ExecuteAsync(AddPoints, new { e.LeadId, e.Points }) != 1)
        {
            throw new NotFoundException("lead");
        }

        var scoreAfter = await write.ScalarAsync<int>(Score, new { e.LeadId });
        await write.ExecuteAsync(InsertEvent, new
        {
            e.Id, e.LeadId, e.Type, e.Points, ScoreAfter = scoreAfter, e.OccurredAt, e.RecordedAt, e.RecordedBy, e.ExternalSource, e.ExternalId,
        });
        var qualified = await write.ExecuteAsync(Qualify, new { e.LeadId, e.Points, e.OccurredAt }) == 1;
        if (qualified)
        {
            await write.ExecuteAsync(AdvanceRoundRobin, new { Limit = 1 });
            if (await write.QuerySingleOrDefaultAsync<AssigneeRow>(Assignee, null) is { } assignee)
            {
                await write.ExecuteAsync(Assign, new { e.LeadId, OwnerId = assignee.Id });
            }
        }

        var stored = new LeadScoreEventDto(e.Id, e.LeadId, e.Type, e.Points, scoreAfter, e.OccurredAt, e.RecordedAt, e.RecordedBy, e.ExternalId);
        return new LeadScoreOutcome(stored, qualified);
    }

    private sealed class RuleRow
    {
        public string Type { get; init; } = "";

        public int Points { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }

        public ScoringRuleDto ToDto() => new(Type, Points, CreatedAt, UpdatedAt, Version);
    }

    private sealed class EventRow
    {
        public Guid Id { get; init; }

        public Guid LeadId { get; init; }

        public string Type { get; init; } = "";

        public int Points { get; init; }

        public int ScoreAfter { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public DateTimeOffset RecordedAt { get; init; }

        public Guid RecordedBy { get; init; }

        public string? ExternalId { get; init; }

        public LeadScoreEventDto ToDto() => new(Id, LeadId, Type, Points, ScoreAfter, OccurredAt, RecordedAt, RecordedBy, ExternalId);
    }

    private sealed class AssigneeRow
    {
        public Guid Id { get; init; }
    }

    private sealed class SettingsRow
    {
        public int Threshold { get; init; }

        public string Assignment { get; init; } = "";

        public Guid? TeamId { get; init; }

        public Guid? UserId { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }

        public ScoringSettingsDto ToDto() => new(Threshold, AssignmentNames.Parse(Assignment), TeamId, UserId, UpdatedAt, Version);
    }
}
