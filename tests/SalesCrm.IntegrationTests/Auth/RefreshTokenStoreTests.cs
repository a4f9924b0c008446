using SalesCrm.Application.Auth;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Auth;
using SalesCrm.Infrastructure.People;
using SalesCrm.IntegrationTests.Data;
using SalesCrm.IntegrationTests.People;

namespace SalesCrm.IntegrationTests.Auth;

public abstract class RefreshTokenStoreTests : DatabaseTests
{
    private readonly RefreshTokenStore _tokens;
    private readonly UserStore _users;

    protected RefreshTokenStoreTests(TestDatabase database)
        : base(database)
    {
        _tokens = new RefreshTokenStore(Connections);
        _users = new UserStore(Connections);
    }

    [Fact]
    public async Task An_inserted_token_is_found_by_its_hash()
    {
        var token = await NewTokenAsync("found@example.com", Ids.New());

        var found = await _tokens.FindByHashAsync(token.TokenHash, Cancellation);

        Assert.NotNull(found);
        Assert.Equivalent(token, found, strict: true);
        Assert.Null(await _tokens.FindByHashAsync("no-such-hash", Cancellation));
    }

    [Fact]
    public async Task A_token_is_marked_used_only_once()
    {
        var token = await NewTokenAsync("once@example.com", Ids.New());

        Assert.True(await _tokens.TryMarkUsedAsync(token.Id, Now.AddMinutes(1), Cancellation));
        Assert.False(await _tokens.TryMarkUsedAsync(token.Id, Now.AddMinutes(2), Cancellation));

        Assert.Equal(Now.AddMinutes(1), (await _tokens.FindByHashAsync(token.TokenHash, Cancellation))!.UsedAt);
    }

    [Fact]
    public async Task Revoking_a_family_revokes_every_token_in_it_and_no_other()
    {
        var family = Ids.New();
        var first = await NewTokenAsync("family@example.com", family);
        var second = await NewTokenAsync("family-second@example.com", family);
        var outsider = await NewTokenAsync("outsider@example.com", Ids.New());

        await _tokens.RevokeFamilyAsync(family, Now.AddMinutes(3), Cancellation);

        Assert.Equal(Now.AddMinutes(3), (await _tokens.FindByHashAsync(first.TokenHash, Cancellation))!.RevokedAt);
        Assert.Equal(Now.AddMinutes(3), (await _tokens.FindByHashAsync(second.TokenHash, Cancellation))!.RevokedAt);
        Assert.Null((await _tokens.FindByHashAsync(outsider.TokenHash, Cancellation))!.RevokedAt);
        Assert.False(await _tokens.TryMarkUsedAsync(second.Id, Now.AddMinutes(4), Cancellation));
    }

    [Fact]
    public async Task Revoking_a_users_tokens_leaves_other_users_tokens_alone()
    {
        var mine = await NewTokenAsync("signed-out@example.com", Ids.New());
        var theirs = await NewTokenAsync("still-signed-in@example.com", Ids.New());

        await _tokens.RevokeAllForUserAsync(mine.UserId, Now.AddMinutes(5), Cancellation);

        Assert.Equal(Now.AddMinutes(5), (await _tokens.FindByHashAsync(mine.TokenHash, Cancellation))!.RevokedAt);
        Assert.Null((await _tokens.FindByHashAsync(theirs.TokenHash, Cancellation))!.RevokedAt);
    }

    private async Task<RefreshTokenRecord> NewTokenAsync(string email, Guid familyId)
    {
        var user = TestRecords.User(email);
        await _users.InsertAsync(user, Cancellation);
        var token = new RefreshTokenRecord
        {
            Id = Ids.New(),
            FamilyId = familyId,
            UserId = user.Id,
            TokenHash = "token:" + email,
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(14),
        };
        await _tokens.InsertAsync(token, Cancellation);
        return token;
    }
}

public sealed class SqliteRefreshTokenStoreTests(SqliteDatabase database)
    : RefreshTokenStoreTests(database), IClassFixture<SqliteDatabase>;

public sealed class SqlServerRefreshTokenStoreTests(SqlServerDatabase database)
    : RefreshTokenStoreTests(database), IClassFixture<SqlServerDatabase>;
