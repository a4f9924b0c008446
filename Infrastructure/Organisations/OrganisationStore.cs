using SalesCrm.Application.Organisations;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Metrics;

namespace SalesCrm.Infrastructure.Organisations;

public sealed class OrganisationStore(IDbConnectionFactory connections) : SqlStore(connections), IOrganisationStore
{
    public static readonly Sql Get = new(
        "SELECT name AS Name, time_zone AS TimeZone, currency AS Currency, version AS Version FROM organisation WHERE id = 1");

    public static readonly Sql Update = new("""
        UPDATE organisation SET name = @Name, time_zone = @TimeZone, currency = @Currency, version = @Version
        WHERE id = 1 AND version = @ExpectedVersion
        """);

    public async Task<OrganisationDto> GetAsync(CancellationToken cancellationToken) =>
        (await QuerySingleOrDefaultAsync<OrganisationRow>(Get, null, cancellationToken))!.ToDto();

    /// <summary>Saves the settings; a new time zone rebuilds the metric calendar and day rollups in the same transaction.</summary>
    public Task<bool> UpdateAsync(OrganisationDto settings, int expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var updated = await write.ExecuteAsync(Update, new
            {
                settings.Name,
                settings.TimeZone,
                settings.Currency,
                settings.Version,
                ExpectedVersion = expectedVersion,
            }) == 1;
            if (updated)
            {
                await MetricCalendar.EnsureAsync(write, settings.TimeZone);
            }

            return updated;
        }, cancellationToken);

    private sealed class OrganisationRow
    {
        public string Name { get; init; } = "";

        public string TimeZone { get; init; } = "";

        public string Currency { get; init; } = "";

        public int Version { get; init; }

        public OrganisationDto ToDto() => new(Name, TimeZone, Currency.Trim(), Version);
    }
}
