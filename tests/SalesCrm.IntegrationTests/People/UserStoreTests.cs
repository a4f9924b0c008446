using SalesCrm.Application.Common.Errors;
using SalesCrm.Application.Common.Paging;
using SalesCrm.Application.People;
using SalesCrm.Domain.People;
using SalesCrm.Infrastructure.People;
using SalesCrm.IntegrationTests.Data;

namespace SalesCrm.IntegrationTests.People;

public abstract class UserStoreTests : DatabaseTests
{
    private readonly UserStore _users;
    private readonly TeamStore _teams;

    protected UserStoreTests(TestDatabase database)
        : base(database)
    {
        _users = new UserStore(Connections);
        _teams = new TeamStore(Connections);
    }

    [Fact]
    public async Task An_inserted_user_is_found_by_id_and_by_email()
    {
        var team = TestRecords.Team("Find team");
        await _teams.InsertAsync(team, Cancellation);
        var user = TestRecords.User("find@example.com", Role.Manager, team.Id) with { IsActive = false };

        await _users.InsertAsync(user, Cancellation);

        Assert.Equal(user, await _users.FindByIdAsync(user.Id, Cancellation));
        Assert.Equal(user, await _users.FindByEmailAsync("find@example.com", Cancellation));
        Assert.Null(await _users.FindByEmailAsync("nobody@example.com", Cancellation));
        Assert.True(await _users.AnyAsync(Cancellation));
    }

    [Fact]
    public async Task An_update_writes_only_when_the_expected_version_still_matches()
    {
        var user = TestRecords.User("update@example.com");
        await _users.InsertAsync(user, Cancellation);
        var renamed = user with { DisplayName = "Renamed", Role = Role.Admin, Version = 2 };

        Assert.True(await _users.UpdateAsync(renamed, expectedVersion: 1, Cancellation));
        Assert.False(await _users.UpdateAsync(renamed with { DisplayName = "Stale", IsActive = false, Version = 2 }, expectedVersion: 1, Cancellation));

        Assert.Equal(renamed, await _users.FindByIdAsync(user.Id, Cancellation));
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_a_conflict_on_email()
    {
        await _users.InsertAsync(TestRecords.User("twice@example.com"), Cancellation);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => _users.InsertAsync(TestRecords.User("twice@example.com"), Cancellation));

        Assert.Equal("email", conflict.Field);
    }

    [Fact]
    public async Task A_new_password_hash_replaces_the_old_one()
    {
        var user = TestRecords.User("password@example.com");
        await _users.InsertAsync(user, Cancellation);

        await _users.SetPasswordHashAsync(user.Id, "new-hash", Cancellation);

        Assert.Equal("new-hash", (await _users.FindByIdAsync(user.Id, Cancellation))!.PasswordHash);
    }

    [Fact]
    public async Task Keyset_pages_cover_every_user_once_and_end_without_a_cursor()
    {
        var team = TestRecords.Team("Paging team");
        await _teams.InsertAsync(team, Cancellation);
        var inserted = new List<Guid>();
        for (var i = 1; i <= 7; i++)
        {
            var user = TestRecords.User($"page{i}@example.com", teamId: team.Id);
            await _users.InsertAsync(user, Cancellation);
            inserted.Add(user.Id);
        }

        await _users.InsertAsync(TestRecords.User("other-team@example.com"), Cancellation);

        var first = await _users.ListAsync(new UserListFilter(team.Id, IsActive: true, Limit: 3, After: null), Cancellation);
        var second = await _users.ListAsync(new UserListFilter(team.Id, true, 3, After(first)), Cancellation);
        var third = await _users.ListAsync(new UserListFilter(team.Id, true, 3, After(second)), Cancellation);

        Assert.Equal([3, 3, 1], new[] { first, second, third }.Select(p => p.Items.Count));
        Assert.NotNull(first.NextCursor);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
        var listed = first.Items.Concat(second.Items).Concat(third.Items).Select(u => u.Id).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(inserted.Order(), listed.Order());
    }

    private static Guid After(Page<UserDto> page) => KeysetCursor.Decode(page.NextCursor)!.Value.Id;
}

public sealed class SqliteUserStoreTests(SqliteDatabase database) : UserStoreTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerUserStoreTests(SqlServerDatabase database) : UserStoreTests(database), IClassFixture<SqlServerDatabase>;
