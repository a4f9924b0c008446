using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Demo;

/// <summary>
/// Start dates for the generated reps, so ramp time has hiring cohorts to show: each rep starts a whole number of weeks
/// (0 to 25, from the generator's seed) after the history begins, never after today.
/// </summary>
public static class RepStartDates
{
    public static readonly Sql SetStartedOn = new("UPDATE users SET started_on = @StartedOn WHERE id = @Id");

    private const int MaxWeeksLate = 26;

    public static async Task AddStartDatesAsync(
        DbConnection connection, SqlDialect dialect, IReadOnlyList<GeneratedRep> reps, Random random, DateTimeOffset start, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rows = reps.Select(rep =>
        {
            var day = first.AddDays(7 * random.Next(MaxWeeksLate));
            return new { Id = rep.UserId, StartedOn = day > today ? today : day };
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(SetStartedOn.For(dialect), rows, cancellationToken: cancellationToken));
    }
}
