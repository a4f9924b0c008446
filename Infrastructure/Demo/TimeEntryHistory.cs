using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Non-selling time for the generated reps, so the selling-time metric has both sides: on about half of the working days
/// one entry (mostly admin and internal meetings, some training and travel) of 15 minutes to 2 hours. Deterministic from
/// the profile's seed, with its own random sequence so the rest of the history stays as it was.
/// </summary>
public static class TimeEntryHistory
{
    private const int ChunkSize = 20_000;

    private static readonly (string Kind, int Weight)[] Kinds = [("admin", 5), ("internal_meeting", 3), ("training", 1), ("travel", 1)];

    public static readonly Sql Insert = new("""
        INSERT INTO time_entries (id, owner_id, kind, occurred_at, duration_minutes, note, created_at, created_by, updated_at, version)
        VALUES (@Id, @OwnerId, @Kind, @OccurredAt, @DurationMinutes, NULL, @OccurredAt, @OwnerId, @OccurredAt, 1)
        """);

    public static async Task GenerateAsync(
        DbConnection connection, SqlDialect dialect, IReadOnlyList<GeneratedRep> reps, GeneratorProfile profile, DateTimeOffset start, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var random = new Random(profile.Seed ^ 0x7E11);
        var rows = new List<object>();
        foreach (var rep in reps)
        {
            for (var day = start; day < now; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && random.NextDouble() < 0.5)
                {
                    rows.Add(Entry(rep, day, random));
                }

                if (rows.Count >= ChunkSize)
                {
                    await WriteAsync(connection, dialect, rows, cancellationToken);
                }
            }
        }

        await WriteAsync(connection, dialect, rows, cancellationToken);
    }

    private static object Entry(GeneratedRep rep, DateTimeOffset day, Random random)
    {
        var pick = random.Next(Kinds.Sum(k => k.Weight));
        var kind = Kinds.First(k => (pick -= k.Weight) < 0).Kind;
        var at = day.Date.AddHours(8 + random.Next(9)).AddMinutes(15 * random.Next(4));
        return new
        {
            Id = Domain.Common.Ids.New(),
            OwnerId = rep.UserId,
            Kind = kind,
            OccurredAt = new DateTimeOffset(at, TimeSpan.Zero),
            DurationMinutes = 15 * (1 + random.Next(8)),
        };
    }

    private static async Task WriteAsync(DbConnection connection, SqlDialect dialect, List<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert.For(dialect), rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        rows.Clear();
    }
}
