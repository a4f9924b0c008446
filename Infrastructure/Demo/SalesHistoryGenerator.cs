using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using SalesCrm.Application.Auth;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics.Rollups;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Writes a plausible sales history straight into the database, deterministically from the profile's seed:
/// leads, accounts and contacts, opportunities walking through the default pipeline's stages (forward, now and
/// then backward, won or lost, some reopened), calls, emails, meetings and notes with realistic outcomes,
/// and follow-ups done on time or late. Demo mode uses the small profile; the metrics benchmark the large one.
/// </summary>
public sealed class SalesHistoryGenerator(
    IDbConnectionFactory connections,
    IPasswordHasher passwordHasher,
    TimeProvider clock,
    ILogger<SalesHistoryGenerator> logger)
{
    private const int FlushEvery = 20_000;

    /// <summary>Writes the profile's history in bulk (see the overload taking <see cref="HistoryWrites"/>).</summary>
    public Task<GeneratedCounts> GenerateAsync(GeneratorProfile profile, IReadOnlyList<GeneratedRep>? reps, CancellationToken cancellationToken) =>
        GenerateAsync(profile, reps, HistoryWrites.Bulk, cancellationToken);

    /// <param name="reps">The reps to write the history for; null creates the profile's teams and reps.</param>
    /// <param name="writes">
    /// <see cref="HistoryWrites.Bulk"/> (SQLite only; SQL Server always writes through its triggers) writes the main history
    /// (reps to quotas) in one transaction with the rollups' triggers set aside and rebuilds every rollup before it commits
    /// (<see cref="BulkRollupLoad"/>); <see cref="HistoryWrites.ThroughTriggers"/> commits every 20,000 rows through them.
    /// </param>
    public async Task<GeneratedCounts> GenerateAsync(
        GeneratorProfile profile, IReadOnlyList<GeneratedRep>? reps, HistoryWrites writes, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var connection = await connections.OpenAsync(cancellationToken);
        var pipeline = await LoadPipelineAsync(connection, cancellationToken);
        var history = writes == HistoryWrites.Bulk && connections.Dialect == SqlDialect.Sqlite
            ? await BulkRollupLoad.RunAsync(
                connection,
                transaction => WriteHistoryAsync(new RowBatch(connection, connections.Dialect, transaction), pipeline, profile, reps, now, cancellationToken),
                cancellationToken)
            : await WriteHistoryAsync(new RowBatch(connection, connections.Dialect), pipeline, profile, reps, now, cancellationToken);

        var start = now.AddDays(-profile.Days);
        await TimeEntryHistory.GenerateAsync(connection, connections.Dialect, history.Reps, profile, start, now, cancellationToken);
        await PeopleHistory.AddAsync(connection, connections.Dialect, profile, history.WonPerWorkingDay, history.Reps, start, now, cancellationToken);
        await RepStartDates.AddStartDatesAsync(connection, connections.Dialect, history.Reps, history.Random, start, now, cancellationToken);
        await LeadScoringHistory.AddAsync(connection, connections.Dialect, now, cancellationToken);
        logger.LogInformation("Generated sales history: {Counts}", history.Counts);
        return history.Counts;
    }

    /// <summary>The reps (created when <paramref name="reps"/> is null), their leads, deals, activities and follow-ups, and quotas.</summary>
    private async Task<GeneratedHistory> WriteHistoryAsync(
        RowBatch batch, PipelineShape pipeline, GeneratorProfile profile, IReadOnlyList<GeneratedRep>? reps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(profile.Seed);
        reps ??= await CreateRepsAsync(batch, profile, now, cancellationToken);

        var start = now.AddDays(-profile.Days);
        foreach (var rep in reps)
        {
            var world = new RepWorld(rep, pipeline, random, now);
            for (var day = start; day < now; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                world.Leads(day, Count(random, profile.LeadsPerDay), batch);
                world.Opportunities(day, Count(random, profile.OpportunitiesPerDay), batch);
                world.Activities(day, profile, batch);
                if (batch.Pending >= FlushEvery)
                {
                    await batch.FlushAsync(cancellationToken);
                }
            }
        }

        var wonPerWorkingDay = DealFlow.WonPerWorkingDay(profile, pipeline.OpenStages.Count);
        var winsFrom = start.AddDays(DealFlow.DaysToWin(pipeline.OpenStages.Count));
        foreach (var rep in reps)
        {
            AddQuotas(rep, wonPerWorkingDay, winsFrom, random, start, now, batch);
        }

        await batch.FlushAsync(cancellationToken);
        return new GeneratedHistory(reps, wonPerWorkingDay, random, batch.Counts);
    }

    private sealed record GeneratedHistory(IReadOnlyList<GeneratedRep> Reps, double WonPerWorkingDay, Random Random, GeneratedCounts Counts);

    public static readonly Sql GeneratedReps = new("SELECT id AS UserId, team_id AS TeamId FROM users WHERE role = 'rep' ORDER BY email");

    public static readonly Sql LaterHistoryPresent = new("""
        SELECT (SELECT COUNT(*) FROM time_entries) AS TimeEntries, (SELECT COUNT(*) FROM commission_plans) AS CommissionPlans,
               (SELECT COUNT(*) FROM users WHERE started_on IS NOT NULL) AS StartDates
        """);

    /// <summary>
    /// For a history generated before the generator wrote time entries, commission plans and surveys, rep start dates and
    /// lead scores: adds each one that is missing, for the history's reps and days (<paramref name="generatedAt"/> is the
    /// "now" it was generated at). Deterministic from the seed, though not the rows a fresh run would draw (the main
    /// history's random draws come first there). Lead scoring only scores leads that have no events yet.
    /// </summary>
    public async Task AddLaterHistoryAsync(GeneratorProfile profile, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var reps = (await connection.QueryAsync<RepRow>(new CommandDefinition(GeneratedReps.For(connections.Dialect), cancellationToken: cancellationToken)))
            .Select(r => new GeneratedRep(r.UserId, r.TeamId)).ToList();
        var present = await connection.QuerySingleAsync<(long TimeEntries, long CommissionPlans, long StartDates)>(
            new CommandDefinition(LaterHistoryPresent.For(connections.Dialect), cancellationToken: cancellationToken));
        var start = generatedAt.AddDays(-profile.Days);
        if (present.TimeEntries == 0)
        {
            await TimeEntryHistory.GenerateAsync(connection, connections.Dialect, reps, profile, start, generatedAt, cancellationToken);
        }

        if (present.CommissionPlans == 0)
        {
            var pipeline = await LoadPipelineAsync(connection, cancellationToken);
            var wonPerWorkingDay = DealFlow.WonPerWorkingDay(profile, pipeline.OpenStages.Count);
            await PeopleHistory.AddAsync(connection, connections.Dialect, profile, wonPerWorkingDay, reps, start, generatedAt, cancellationToken);
        }

        if (present.StartDates == 0)
        {
            await RepStartDates.AddStartDatesAsync(connection, connections.Dialect, reps, new Random(profile.Seed), start, generatedAt, cancellationToken);
        }

        await LeadScoringHistory.AddAsync(connection, connections.Dialect, generatedAt, cancellationToken);
    }

    /// <summary>
    /// A revenue quota for every quarter of the history (to the current one) and a won-deals quota for every year, each
    /// around what the deal flow wins on average (<see cref="DealFlow"/>, ±20%), so attainment spreads around 100%. The history
    /// starts with an empty pipeline, so wins come at that rate only from <paramref name="winsFrom"/> (about one deal cycle in):
    /// a period that begins before it gets the share of the target that its days from then make, and one that ends by then
    /// gets no quota (nobody could reach it).
    /// </summary>
    private static void AddQuotas(
        GeneratedRep rep, double wonPerWorkingDay, DateTimeOffset winsFrom, Random random, DateTimeOffset start, DateTimeOffset now, RowBatch batch)
    {
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        var winning = DateOnly.FromDateTime(winsFrom.UtcDateTime).DayNumber;
        double Covered(DateOnly from, DateOnly to) =>
            Math.Max(0, to.DayNumber - Math.Max(from.DayNumber, winning)) / (double)(to.DayNumber - from.DayNumber);

        for (var quarter = new DateOnly(first.Year, ((first.Month - 1) / 3 * 3) + 1, 1); quarter <= last; quarter = quarter.AddMonths(3))
        {
            var covered = Covered(quarter, quarter.AddMonths(3));
            if (covered == 0)
            {
                continue;
            }

            var won = wonPerWorkingDay * DealFlow.WorkingDaysPerQuarter * DealFlow.MeanAmount * covered;
            var target = Math.Max(1000m, Math.Round((decimal)(won * Spread(random)) / 1000m) * 1000m);
            AddQuota(batch, rep, "quarter", quarter, quarter.AddMonths(3), "revenue", target, start);
        }

        for (var year = new DateOnly(first.Year, 1, 1); year <= last; year = year.AddYears(1))
        {
            var covered = Covered(year, year.AddYears(1));
            if (covered == 0)
            {
                continue;
            }

            var won = wonPerWorkingDay * 4 * DealFlow.WorkingDaysPerQuarter * covered;
            var target = Math.Max(1m, Math.Round((decimal)(won * Spread(random))));
            AddQuota(batch, rep, "year", year, year.AddYears(1), "deals", target, start);
        }
    }

    private static double Spread(Random random) => 0.8 + (0.4 * random.NextDouble());

    private static void AddQuota(
        RowBatch batch, GeneratedRep rep, string period, DateOnly periodStart, DateOnly periodEnd, string kind, decimal target, DateTimeOffset createdAt)
    {
        var quota = new
        {
            Id = Domain.Common.Ids.New(),
            HistoryId = Domain.Common.Ids.New(),
            rep.UserId,
            Period = period,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            Kind = kind,
            Target = target,
            CreatedAt = createdAt,
        };
        batch.Add(RowBatch.Quota, quota);
        batch.Add(RowBatch.QuotaCreated, quota);
    }

    private static int Count(Random random, double rate) => (int)rate + (random.NextDouble() < rate - (int)rate ? 1 : 0);

    private async Task<IReadOnlyList<GeneratedRep>> CreateRepsAsync(
        RowBatch batch, GeneratorProfile profile, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = passwordHasher.Hash(Guid.NewGuid().ToString());
        var reps = new List<GeneratedRep>();
        for (var t = 1; t <= profile.Teams; t++)
        {
            var teamId = Domain.Common.Ids.New();
            batch.Add(RowBatch.Team, new { Id = teamId, Name = $"Generated team {t:000}", CreatedAt = now.AddDays(-profile.Days - 30), Version = 1 });
            batch.Add(RowBatch.User, UserRow(Domain.Common.Ids.New(), $"manager{t:000}@generated.example.com", $"Manager {t:000}", "manager", teamId, hash, CreatedAt(t, 0)));
            for (var r = 1; r <= profile.RepsPerTeam; r++)
            {
                var rep = new GeneratedRep(Domain.Common.Ids.New(), teamId);
                batch.Add(RowBatch.User, UserRow(rep.UserId, $"rep{t:000}.{r:00}@generated.example.com", $"Rep {t:000}-{r:00}", "rep", teamId, hash, CreatedAt(t, r)));
                reps.Add(rep);
            }
        }

        await batch.FlushAsync(cancellationToken);
        return reps;

        // A minute apart, in the order the accounts are listed: round robin takes a team's reps in creation order, and a
        // tie would fall back to id order, which SQLite (text) and SQL Server (uniqueidentifier) sort differently.
        DateTimeOffset CreatedAt(int team, int rep) => now.AddDays(-profile.Days - 30).AddMinutes((team * (profile.RepsPerTeam + 1)) + rep);
    }

    private static object UserRow(Guid id, string email, string name, string role, Guid teamId, string hash, DateTimeOffset createdAt) => new
    {
        Id = id,
        Email = email,
        DisplayName = name,
        Role = role,
        TeamId = teamId,
        PasswordHash = hash,
        IsActive = true,
        CreatedAt = createdAt,
        Version = 1,
    };

    private static async Task<PipelineShape> LoadPipelineAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var stages = (await connection.QueryAsync<StageRow>(new CommandDefinition(
            "SELECT s.id AS Id, s.kind AS Kind, s.position AS Position, s.pipeline_id AS PipelineId FROM stages s "
            + "JOIN pipelines p ON p.id = s.pipeline_id WHERE p.is_default = 1 AND s.archived_at IS NULL ORDER BY s.position",
            cancellationToken: cancellationToken))).ToList();
        var reasons = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT id FROM lost_reasons WHERE archived_at IS NULL", cancellationToken: cancellationToken))).ToList();
        return new PipelineShape(
            stages[0].PipelineId,
            [.. stages.Where(s => s.Kind == "open").Select(s => s.Id)],
            stages.Single(s => s.Kind == "won").Id,
            stages.Single(s => s.Kind == "lost").Id,
            reasons);
    }

    private sealed class RepRow
    {
        public Guid UserId { get; init; }

        public Guid? TeamId { get; init; }
    }

    private sealed class StageRow
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = "";

        public int Position { get; init; }

        public Guid PipelineId { get; init; }
    }
}

public sealed record GeneratedRep(Guid UserId, Guid? TeamId);

/// <summary>How <see cref="SalesHistoryGenerator"/> writes the main history; see its <c>GenerateAsync</c>.</summary>
public enum HistoryWrites
{
    Bulk,
    ThroughTriggers,
}

public sealed record PipelineShape(Guid PipelineId, IReadOnlyList<Guid> OpenStages, Guid Won, Guid Lost, IReadOnlyList<Guid> LostReasons);
