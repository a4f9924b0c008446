using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Commission plans and eNPS surveys for the generated reps, deterministic from the profile's seed: a junior and a senior
/// monthly plan around what the deal flow wins, each rep on one from the history's first month; and per team, and for the
/// whole organisation, a survey in the first two weeks of every past quarter, answered by about five in six of its people. A second run adds nothing.
/// </summary>
public static class PeopleHistory
{
    private const string Question = "How likely are you to recommend working here to a friend?";

    public static readonly Sql Plan = new("""
        INSERT INTO commission_plans (id, name, base_pay, target, rate, threshold, period, created_at, created_by)
        SELECT @Id, @Name, @BasePay, @Target, @Rate, @Threshold, 'month', @At, @CreatedBy
        WHERE NOT EXISTS (SELECT 1 FROM commission_plans p WHERE p.name = @Name)
        """);

    public static readonly Sql PlanId = new("SELECT p.id FROM commission_plans p WHERE p.name = @Name");

    public static readonly Sql Assignment = new("""
        INSERT INTO commission_assignments (id, user_id, plan_id, effective_from, assigned_at, assigned_by)
        SELECT @Id, @UserId, @PlanId, @EffectiveFrom, @At, @UserId
        WHERE NOT EXISTS (SELECT 1 FROM commission_assignments a WHERE a.user_id = @UserId AND a.effective_from = @EffectiveFrom)
        """);

    public static readonly Sql Survey = new("""
        INSERT INTO surveys (id, question, team_id, opens_on, closes_on, created_at, created_by)
        SELECT @Id, @Question, @TeamId, @OpensOn, @ClosesOn, @At, @CreatedBy
        WHERE NOT EXISTS (SELECT 1 FROM surveys s WHERE (s.team_id = @TeamId OR (s.team_id IS NULL AND @TeamId IS NULL)) AND s.opens_on = @OpensOn)
        """);

    public static readonly Sql ActiveUsers = new("SELECT u.id FROM users u WHERE u.is_active = 1 ORDER BY u.email");

    public static readonly Sql Participant = new("""
        INSERT INTO survey_participants (survey_id, user_id)
        SELECT @SurveyId, @UserId WHERE EXISTS (SELECT 1 FROM surveys s WHERE s.id = @SurveyId)
        """);

    public static readonly Sql Answer = new("""
        INSERT INTO survey_answers (survey_id, id, score)
        SELECT @SurveyId, @Id, @Score WHERE EXISTS (SELECT 1 FROM surveys s WHERE s.id = @SurveyId)
        """);

    public static async Task AddAsync(
        DbConnection connection, SqlDialect dialect, GeneratorProfile profile, double wonPerWorkingDay, IReadOnlyList<GeneratedRep> reps,
        DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (reps.Count == 0)
        {
            return;
        }

        var random = new Random(profile.Seed + 7);
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var firstMonth = new DateOnly(first.Year, first.Month, 1);
        var monthlyWon = wonPerWorkingDay * DealFlow.WorkingDaysPerMonth * DealFlow.MeanAmount;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task<int> Run(Sql sql, object rows) => connection.ExecuteAsync(new CommandDefinition(sql.For(dialect), rows, transaction, cancellationToken: cancellationToken));

        var plans = new List<Guid>();
        foreach (var (name, share, basePay) in new[] { ("Demo junior plan", 0.8, 3_000m), ("Demo senior plan", 1.1, 5_000m) })
        {
            var target = Math.Round((decimal)(monthlyWon * share) / 1000m) * 1000m;
            await Run(Plan, new { Id = Domain.Common.Ids.New(), Name = name, BasePay = basePay, Target = target, Rate = 0.1m, Threshold = 1.0m, At = start, CreatedBy = reps[0].UserId });
            plans.Add(await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(PlanId.For(dialect), new { Name = name }, transaction, cancellationToken: cancellationToken)));
        }

        await Run(Assignment, reps.Select(r => new
        {
            Id = Domain.Common.Ids.New(), r.UserId, PlanId = plans[random.Next(plans.Count)], EffectiveFrom = firstMonth, At = start,
        }).ToList());

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var everyone = (await connection.QueryAsync<Guid>(new CommandDefinition(
            ActiveUsers.For(dialect), null, transaction, cancellationToken: cancellationToken))).ToList();
        var audiences = reps.Where(r => r.TeamId is not null).GroupBy(r => r.TeamId).Select(t => (t.Key, t.Select(r => r.UserId).ToList()))
            .Prepend(((Guid?)null, everyone));
        foreach (var (teamId, members) in audiences)
        {
            var mood = random.NextDouble();
            var firstQuarter = new DateOnly(first.Year, ((first.Month - 1) / 3 * 3) + 1, 1);
            for (var quarter = firstQuarter < first ? firstQuarter.AddMonths(3) : firstQuarter; quarter.AddDays(14) < today; quarter = quarter.AddMonths(3))
            {
                var surveyId = Domain.Common.Ids.New();
                await Run(Survey, new
                {
                    Id = surveyId, Question, TeamId = teamId, OpensOn = quarter, ClosesOn = quarter.AddDays(13), At = start, CreatedBy = reps[0].UserId,
                });
                var answering = members.Where(_ => random.NextDouble() < 0.85).ToList();
                await Run(Participant, answering.Select(userId => new { SurveyId = surveyId, UserId = userId }).ToList());
                await Run(Answer, answering.Select(_ => new { SurveyId = surveyId, Id = RandomId(random), Score = Score(random, mood) }).ToList());
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A random (v4-like) answer id, as the API gives, but drawn from the seed.</summary>
    private static Guid RandomId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A team's mood (0–1) leans its answers up or down; each answer 0–10.</summary>
    private static int Score(Random random, double mood) =>
        Math.Clamp((int)Math.Round((mood * 6) + 4 + (random.NextDouble() * 4) - 2), 0, 10);
}
