using Dapper;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.Leads;
using SalesCrm.Domain.Leads;
using SalesCrm.Infrastructure.Accounts;
using SalesCrm.Infrastructure.Contacts;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Leads;

public sealed class LeadStore(IDbConnectionFactory connections)
    : RecordStore<LeadRecord>(connections, new(FindById, FindByExternalId, SetOwner, SoftDelete, Restore, ListByName, ListByNewest)), ILeadStore
{
    private const string Select = """
        SELECT l.id AS Id, l.name AS Name, l.company AS Company, l.email AS Email, l.phone AS Phone, l.source AS Source,
               l.owner_id AS OwnerId, u.team_id AS OwnerTeamId, l.status AS Status,
               l.disqualification_reason AS DisqualificationReason, l.created_at AS CreatedAt, l.created_by AS CreatedBy,
               l.converted_at AS ConvertedAt, l.converted_account_id AS ConvertedAccountId,
               l.converted_contact_id AS ConvertedContactId, l.converted_opportunity_id AS ConvertedOpportunityId,
               l.external_source AS ExternalSource, l.external_id AS ExternalId, l.deleted_at AS DeletedAt,
               l.deleted_by AS DeletedBy, l.version AS Version, l.score AS Score, l.sales_qualified_at AS SalesQualifiedAt
        FROM leads l JOIN users u ON u.id = l.owner_id
        """;

    public static readonly Sql FindById = RecordSql.FindById(Select, "l");

    public static readonly Sql FindByExternalId = RecordSql.FindByExternalId(Select, "l");

    public static readonly Sql Insert = new("""
        INSERT INTO leads (id, name, company, email, phone, source, owner_id, status, disqualification_reason, created_at,
                           created_by, external_source, external_id, version)
        VALUES (@Id, @Name, @Company, @Email, @Phone, @Source, @OwnerId, @Status, @DisqualificationReason, @CreatedAt,
                @CreatedBy, @ExternalSource, @ExternalId, @Version)
        """);

    public static readonly Sql Update = new("""
        UPDATE leads
        SET name = @Name, company = @Company, email = @Email, phone = @Phone, source = @Source, status = @Status,
            disqualification_reason = @DisqualificationReason, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL
        """);

    public static readonly Sql SetOwner = RecordSql.SetOwner("leads");

    public static readonly Sql SoftDelete = RecordSql.SoftDelete("leads");

    public static readonly Sql Restore = RecordSql.Restore("leads");

    public static readonly Sql ListByName = List(ListSort.Name);

    public static readonly Sql ListByNewest = List(ListSort.Newest);

    /// <summary>Where a converted lead's opportunity starts: the first open stage, by position, of a live pipeline.</summary>
    public static readonly Sql StartingStage = new("""
        SELECT s.id AS StageId, s.pipeline_id AS PipelineId
        FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
        WHERE p.archived_at IS NULL AND s.archived_at IS NULL AND s.kind = 'open'
          AND ((@PipelineId IS NULL AND p.is_default = 1) OR p.id = @PipelineId)
        ORDER BY s.position, s.id
        {limit}
        """);

    public static readonly Sql InsertOpportunity = new("""
        INSERT INTO opportunities (id, name, account_id, primary_contact_id, owner_id, pipeline_id, stage_id, amount,
                                   expected_close_date, lead_id, created_at, created_by, stage_entered_at, version)
        VALUES (@Id, @Name, @AccountId, @ContactId, @OwnerId, @PipelineId, @StageId, @Amount,
                @ExpectedCloseDate, @LeadId, @CreatedAt, @CreatedBy, @CreatedAt, 1)
        """);

    public static readonly Sql InsertFirstStageMove = new("""
        INSERT INTO stage_moves (id, opportunity_id, from_stage_id, to_stage_id, occurred_at, moved_by, recorded_at)
        VALUES (@Id, @OpportunityId, NULL, @StageId, @OccurredAt, @MovedBy, @RecordedAt)
        """);

    /// <summary>The last write of a conversion: it applies only to the version that was read, and never twice.</summary>
    public static readonly Sql MarkConverted = new("""
        UPDATE leads
        SET status = 'converted', disqualification_reason = NULL, converted_at = @ConvertedAt,
            converted_account_id = @AccountId, converted_contact_id = @ContactId, converted_opportunity_id = @OpportunityId,
            version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND deleted_at IS NULL AND status NOT IN ('converted', 'disqualified')
        """);

    public override Task<bool> TryInsertAsync(LeadRecord lead, CancellationToken cancellationToken) =>
        TryExecuteUniqueAsync(Insert, new
        {
            lead.Id,
            lead.Name,
            lead.Company,
            lead.Email,
            lead.Phone,
            lead.Source,
            lead.OwnerId,
            Status = lead.Status.ToName(),
            lead.DisqualificationReason,
            lead.CreatedAt,
            lead.CreatedBy,
            lead.ExternalSource,
            lead.ExternalId,
            lead.Version,
        }, cancellationToken);

    public async Task<bool> UpdateAsync(LeadRecord lead, int expectedVersion, CancellationToken cancellationToken) =>
        await ExecuteAsync(Update, new
        {
            lead.Id,
            lead.Name,
            lead.Company,
            lead.Email,
            lead.Phone,
            lead.Source,
            Status = lead.Status.ToName(),
            lead.DisqualificationReason,
            lead.Version,
            ExpectedVersion = expectedVersion,
        }, cancellationToken) == 1;

    public Task<Page<LeadDto>> ListAsync(LeadListFilter filter, CancellationToken cancellationToken)
    {
        var filters = new DynamicParameters(ScopeSql.Parameters(filter.Scope));
        filters.AddDynamicParams(new
        {
            filter.OwnerId,
            filter.TeamId,
            Status = filter.Status?.ToName(),
            filter.Source,
            Search = RecordSql.Contains(filter.Search),
            filter.CreatedFrom,
            filter.CreatedTo,
        });
        return ListPageAsync(filter.Page, filters, l => (l.Name, l.CreatedAt, l.Id), l => l.ToDto(), cancellationToken);
    }

    public async Task<LeadConversionOutcome> ConvertAsync(LeadConversion conversion, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(async write =>
            {
                if (conversion.NewAccount is { } account)
                {
                    await write.ExecuteAsync(AccountStore.Insert, AccountStore.InsertParameters(account));
                }

                await write.ExecuteAsync(ContactStore.Insert, ContactStore.InsertParameters(conversion.Contact));

                var opportunity = conversion.Opportunity;
                var start = await write.QuerySingleOrDefaultAsync<StageRow>(StartingStage, new { opportunity.PipelineId, Limit = 1 })
                    ?? throw new ConversionAbandoned(LeadConversionOutcome.NoStartingStage);
                await write.ExecuteAsync(InsertOpportunity, new
                {
                    opportunity.Id,
                    opportunity.Name,
                    conversion.AccountId,
                    ContactId = conversion.Contact.Id,
                    conversion.Contact.OwnerId,
                    start.PipelineId,
                    start.StageId,
                    opportunity.Amount,
                    opportunity.ExpectedCloseDate,
                    conversion.LeadId,
                    CreatedAt = conversion.ConvertedAt,
                    CreatedBy = conversion.ConvertedBy,
                });
                await write.ExecuteAsync(InsertFirstStageMove, new
                {
                    Id = opportunity.StageMoveId,
                    OpportunityId = opportunity.Id,
                    start.StageId,
                    OccurredAt = conversion.ConvertedAt,
                    MovedBy = conversion.ConvertedBy,
                    conversion.RecordedAt,
                });

                var marked = await write.ExecuteAsync(MarkConverted, new
                {
                    Id = conversion.LeadId,
                    conversion.ExpectedVersion,
                    conversion.ConvertedAt,
                    conversion.AccountId,
                    ContactId = conversion.Contact.Id,
                    OpportunityId = opportunity.Id,
                });
                return marked == 1 ? LeadConversionOutcome.Converted : throw new ConversionAbandoned(LeadConversionOutcome.LeadChanged);
            }, cancellationToken);
        }
        catch (ConversionAbandoned abandoned)
        {
            return abandoned.Outcome;
        }
    }

    private static Sql List(ListSort sort)
    {
        var (keyset, order) = RecordSql.Sorted(sort, "l", "l.name");
        var like = RecordSql.LikeEscape;
        return new Sql($"""
            {Select}
            WHERE l.deleted_at IS NULL
              AND {ScopeSql.OwnerFilter("l.owner_id")}
              AND (@OwnerId IS NULL OR l.owner_id = @OwnerId)
              AND (@TeamId IS NULL OR u.team_id = @TeamId)
              AND (@Status IS NULL OR l.status = @Status)
              AND (@Source IS NULL OR LOWER(l.source) = LOWER(@Source))
              AND (@Search IS NULL OR l.name LIKE @Search {like} OR l.company LIKE @Search {like} OR l.email LIKE @Search {like})
              AND (@CreatedFrom IS NULL OR l.created_at >= @CreatedFrom)
              AND (@CreatedTo IS NULL OR l.created_at < @CreatedTo)
              AND {keyset}
            {order}
            {"{limit}"}
            """);
    }

    private sealed class StageRow
    {
        public Guid StageId { get; init; }

        public Guid PipelineId { get; init; }
    }

    /// <summary>Leaves the conversion's transaction uncommitted (rolled back) and reports why.</summary>
    private sealed class ConversionAbandoned(LeadConversionOutcome outcome) : Exception(outcome.ToString())
    {
        public LeadConversionOutcome Outcome { get; } = outcome;
    }
}
