using SalesCrm.Application.Common.Errors;
using SalesCrm.Infrastructure.People;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.People;

public abstract class TeamStoreTests : DatabaseTests
{
    private readonly TeamStore _teams;

    protected TeamStoreTests(TestDatabase database)
        : base(database) => _teams = new TeamStore(Connections);

    [Fact]
    public async Task An_inserted_team_is_found_by_id()
    {
        var team = TestRecords.Team("Inserted");

        await _teams.InsertAsync(team, Cancellation);

        Assert.Equal(team, await _teams.FindAsync(team.Id, Cancellation));
        Assert.Null(await _teams.FindAsync(Guid.NewGuid(), Cancellation));
    }

    [Fact]
    public async Task A_rename_writes_only_when_the_expected_version_still_matches()
    {
        var team = TestRecords.Team("Before rename");
        await _teams.InsertAsync(team, Cancellation);

        Assert.True(await _teams.RenameAsync(team.Id, "After rename", expectedVersion: 1, Cancellation));
        Assert.False(await _teams.RenameAsync(team.Id, "Stale rename", expectedVersion: 1, Cancellation));

        Assert.Equal(team with { Name = "After rename", Version = 2 }, await _teams.FindAsync(team.Id, Cancellation));
    }

    [Theory]
    [InlineData("Enterprise", "Enterprise")]
    [InlineData("Mid-market", "MID-MARKET")]
    public async Task A_second_team_with_the_same_name_in_any_case_is_a_conflict_on_name(string name, string duplicate)
    {
        await _teams.InsertAsync(TestRecords.Team(name), Cancellation);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => _teams.InsertAsync(TestRecords.Team(duplicate), Cancellation));

        Assert.Equal("name", conflict.Field);
    }

    [Fact]
    public async Task Renaming_to_a_taken_name_is_a_conflict_on_name()
    {
        await _teams.InsertAsync(TestRecords.Team("Taken"), Cancellation);
        var team = TestRecords.Team("Free");
        await _teams.InsertAsync(team, Cancellation);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => _teams.RenameAsync(team.Id, "Taken", expectedVersion: 1, Cancellation));

        Assert.Equal("name", conflict.Field);
        Assert.Equal("Free", (await _teams.FindAsync(team.Id, Cancellation))!.Name);
    }
}

public sealed class SqliteTeamStoreTests(SqliteDatabase database) : TeamStoreTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerTeamStoreTests(SqlServerDatabase database) : TeamStoreTests(database), IClassFixture<SqlServerDatabase>;
