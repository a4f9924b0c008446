using SalesCrm.Application.Calendar;
using SalesCrm.Infrastructure.Data;

namespace SalesCrm.Infrastructure.Calendar;

public sealed class CalendarStore(IDbConnectionFactory connections) : SqlStore(connections), ICalendarStore
{
    public static readonly Sql List = new(
        "SELECT d.day AS Date, d.name AS Name FROM non_working_days d WHERE d.day >= @From AND d.day < @To ORDER BY d.day");

    public static readonly Sql Insert = new(
        "INSERT INTO non_working_days (day, name, created_at, created_by) VALUES (@Date, @Name, @At, @By)");

    public static readonly Sql Delete = new("DELETE FROM non_working_days WHERE day = @Date");

    public async Task<IReadOnlyList<NonWorkingDayDto>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<DayRow>(List, new { From = from, To = to }, cancellationToken)).Select(r => new NonWorkingDayDto(r.Date, r.Name))];

    public Task InsertAsync(NonWorkingDayDto day, Guid by, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteUniqueAsync(Insert, new { day.Date, day.Name, At = at, By = by }, "date",
            "This date is already a non-working day; delete it first to rename it.", cancellationToken);

    public async Task<bool> DeleteAsync(DateOnly date, CancellationToken cancellationToken) =>
        await ExecuteAsync(Delete, new { Date = date }, cancellationToken) == 1;

    private sealed class DayRow
    {
        public DateOnly Date { get; init; }

        public string Name { get; init; } = "";
    }
}
