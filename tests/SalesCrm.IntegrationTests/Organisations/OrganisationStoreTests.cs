using SalesCrm.Application.Organisations;
using SalesCrm.Infrastructure.Organisations;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.Organisations;

public abstract class OrganisationStoreTests : DatabaseTests
{
    private readonly OrganisationStore _organisation;

    protected OrganisationStoreTests(TestDatabase database)
        : base(database) => _organisation = new OrganisationStore(Connections);

    [Fact]
    public async Task Settings_are_written_only_when_the_expected_version_still_matches()
    {
        // The one test of this class that writes the single organisation row, so it starts from the migration's seed.
        Assert.Equal(new OrganisationDto("My organisation", "UTC", "USD", 1), await _organisation.GetAsync(Cancellation));
        var updated = new OrganisationDto("Acme Sp. z o.o.", "Europe/Warsaw", "PLN", 2);

        Assert.True(await _organisation.UpdateAsync(updated, expectedVersion: 1, Cancellation));
        Assert.False(await _organisation.UpdateAsync(updated with { Name = "Stale", Version = 2 }, expectedVersion: 1, Cancellation));

        Assert.Equal(updated, await _organisation.GetAsync(Cancellation));
    }
}

public sealed class SqliteOrganisationStoreTests(SqliteDatabase database)
    : OrganisationStoreTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerOrganisationStoreTests(SqlServerDatabase database)
    : OrganisationStoreTests(database), IClassFixture<SqlServerDatabase>;
