using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Rows waiting to be written, per table; a flush writes them all in one transaction, parents first: its own, committed at
/// once, or the caller's <paramref name="transaction"/>, committed by the caller.
/// </summary>
public sealed class RowBatch(DbConnection connection, SqlDialect dialect, DbTransaction? transaction = null)
{
    public static readonly Sql Team = new("INSERT INTO teams (id, name, created_at, version) VALUES (@Id, @Name, @CreatedAt, @Version)");

    public static readonly Sql User = new("""
        INSERT INTO users (id, email, display_name, role, team_id, password_hash, is_active, created_at, version)
        VALUES (@Id, @Email, @DisplayName, @Role, @TeamId, @PasswordHash, @IsActive, @CreatedAt, @Version)
        """);

    public static readonly Sql Account = new("""
        INSERT INTO accounts (id, name, domain, industry, owner_id, created_at, created_by, version)
        VALUES (@Id, @Name, @Domain, @Industry, @OwnerId, @CreatedAt, @OwnerId, 1)
        """);

    public static readonly Sql Contact = new("""
        INSERT INTO contacts (id, account_id, first_name, last_name, email, phone, title, owner_id, created_at, created_by, version)
        VALUES (@Id, @AccountId, @FirstName, @LastName, @Email, NULL, @Title, @OwnerId, @CreatedAt, @OwnerId, 1)
        """);

    public static readonly Sql Lead = new("""
        INSERT INTO leads (id, name, company, email, phone, source, owner_id, status, disqualification_reason, created_at, created_by,
                           converted_at, converted_account_id, converted_contact_id, converted_opportunity_id, version)
        VALUES (@Id, @Name, @Company, @Email, NULL, @Source, @OwnerId, @Status, @DisqualificationReason, @CreatedAt, @OwnerId,
                @ConvertedAt, @ConvertedAccountId, @ConvertedContactId, @ConvertedOpportunityId, 1)
        """);

    public static readonly Sql Opportunity = new("""
        INSERT INTO opportunities (id, name, account_id, primary_contact_id, owner_id, pipeline_id, stage_id, amount, expected_close_date,
                                   lead_id, created_at, created_by, stage_entered_at, closed_at, outcome, lost_reason_id, competitor, version)
        VALUES (@Id, @Name, @AccountId, @PrimaryContactId, @OwnerId, @PipelineId, @StageId, @Amount, @ExpectedCloseDate,
                @LeadId, @CreatedAt, @OwnerId, @StageEnteredAt, @ClosedAt, @Outcome, @LostReasonId, @Competitor, @Version)
        """);

    public static readonly Sql StageMove = new("""
        INSERT INTO stage_moves (id, opportunity_id, from_stage_id, to_stage_id, occurred_at, moved_by, recorded_at, move_number, lost_reason_id)
        VALUES (@Id, @OpportunityId, @FromStageId, @ToStageId, @OccurredAt, @MovedBy, @OccurredAt, @MoveNumber, @LostReasonId)
        """);

    public static readonly Sql Activity = new("""
        INSERT INTO activities (id, type, owner_id, team_id, occurred_at, lead_id, contact_id, account_id, opportunity_id, direction, outcome,
                                duration_seconds, subject, body, replied_at, created_at, created_by, version)
        VALUES (@Id, @Type, @OwnerId, @TeamId, @OccurredAt, @LeadId, @ContactId, @AccountId, @OpportunityId, @Direction, @Outcome,
                @DurationSeconds, @Subject, @Body, @RepliedAt, @OccurredAt, @OwnerId, 1)
        """);

    public static readonly Sql FollowUp = new("""
        INSERT INTO follow_ups (id, owner_id, channel, due_at, lead_id, opportunity_id, notes, status, completed_at, cancelled_at, created_at, created_by, version)
        VALUES (@Id, @OwnerId, @Channel, @DueAt, @LeadId, @OpportunityId, NULL, @Status, @CompletedAt, @CancelledAt, @CreatedAt, @OwnerId, 1)
        """);

    /// <summary>A quota unless the rep already has one for the period (a second run over the same reps adds none).</summary>
    public static readonly Sql Quota = new("""
        INSERT INTO quotas (id, user_id, period, period_start, period_end, kind, target, created_at, created_by, updated_at, version)
        SELECT @Id, @UserId, @Period, @PeriodStart, @PeriodEnd, @Kind, @Target, @CreatedAt, @UserId, @CreatedAt, 1
        WHERE NOT EXISTS (SELECT 1 FROM quotas q WHERE q.user_id = @UserId AND q.period = @Period AND q.period_start = @PeriodStart AND q.deleted_at IS NULL)
        """);

    /// <summary>The quota's "created" history entry, when <see cref="Quota"/> inserted it.</summary>
    public static readonly Sql QuotaCreated = new("""
        INSERT INTO quota_history (id, quota_id, kind, target, changed_at, changed_by, change)
        SELECT @HistoryId, @Id, @Kind, @Target, @CreatedAt, @UserId, 'created'
        WHERE EXISTS (SELECT 1 FROM quotas q WHERE q.id = @Id)
        """);

    // Parents before children, so foreign keys hold at every flush.
    private static readonly Sql[] Order = [Team, User, Account, Contact, Lead, Opportunity, StageMove, Activity, FollowUp, Quota, QuotaCreated];

    private readonly Dictionary<Sql, List<object>> _rows = Order.ToDictionary(s => s, _ => new List<object>());

    public int Pending { get; private set; }

    public GeneratedCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public void Add(Sql table, object row)
    {
        _rows[table].Add(row);
        Pending++;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Pending == 0)
        {
            return;
        }

        var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            foreach (var table in Order)
            {
                if (_rows[table].Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(table.For(dialect), _rows[table], transaction ?? own, cancellationToken: cancellationToken));
                }
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }

        Counts = Counts with
        {
            Leads = Counts.Leads + _rows[Lead].Count,
            Opportunities = Counts.Opportunities + _rows[Opportunity].Count,
            StageMoves = Counts.StageMoves + _rows[StageMove].Count,
            Activities = Counts.Activities + _rows[Activity].Count,
            FollowUps = Counts.FollowUps + _rows[FollowUp].Count,
            Accounts = Counts.Accounts + _rows[Account].Count,
            Quotas = Counts.Quotas + _rows[Quota].Count,
        };
        foreach (var rows in _rows.Values)
        {
            rows.Clear();
        }

        Pending = 0;
    }
}

public sealed record GeneratedCounts(int Leads, int Accounts, int Opportunities, int StageMoves, int Activities, int FollowUps, int Quotas);
