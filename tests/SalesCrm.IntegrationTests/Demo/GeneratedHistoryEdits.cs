using System.Data.Common;
using Dapper;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Opportunities;

namespace SalesCrm.IntegrationTests.Demo;

/// <summary>
/// Edits a generated history the way a live one is edited (the generator writes neither), so what reads it must leave out
/// the soft-deleted records and follow each record's owner now: one in eight activities, follow-ups, leads and opportunities
/// soft-deleted, one in eight of the remaining leads and opportunities handed to another rep (a deal with its owner change).
/// </summary>
internal static class GeneratedHistoryEdits
{
    public static async Task DeleteAndReassignAsync(DbConnection connection, SqlDialect dialect, DateTimeOffset now)
    {
        var editor = await connection.QueryFirstAsync<Guid>("SELECT id FROM users WHERE role = 'manager' ORDER BY id");
        foreach (var table in new[] { "activities", "follow_ups", "leads", "opportunities" })
        {
            foreach (var ids in (await EveryEighthAsync<Guid>(connection, $"SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY id", 3)).Chunk(500))
            {
                // Dapper expands a list for IN without the type handlers, so the ids go as the text both databases compare them with.
                await connection.ExecuteAsync(
                    $"UPDATE {table} SET deleted_at = @Now, deleted_by = @Editor WHERE id IN @Ids", new { Now = now, Editor = editor, Ids = ids.Select(id => id.ToString()) });
            }
        }

        var reps = (await connection.QueryAsync<Guid>("SELECT id FROM users WHERE role = 'rep' ORDER BY id")).ToList();
        foreach (var lead in await EveryEighthAsync<(Guid Id, Guid OwnerId)>(
                     connection, "SELECT id, owner_id FROM leads WHERE deleted_at IS NULL AND owner_id IS NOT NULL ORDER BY id", 5))
        {
            await connection.ExecuteAsync("UPDATE leads SET owner_id = @To WHERE id = @Id", new { To = reps.First(r => r != lead.OwnerId), lead.Id });
        }

        foreach (var deal in await EveryEighthAsync<(Guid Id, Guid OwnerId)>(
                     connection, "SELECT id, owner_id FROM opportunities WHERE deleted_at IS NULL ORDER BY id", 5))
        {
            var to = reps.First(r => r != deal.OwnerId);
            await connection.ExecuteAsync(OpportunityStore.InsertOwnerChange.For(dialect), new
            {
                Id = Guid.CreateVersion7(),
                OpportunityId = deal.Id,
                FromOwnerId = deal.OwnerId,
                ToOwnerId = to,
                OccurredAt = now,
                ChangedBy = editor,
            });
            await connection.ExecuteAsync("UPDATE opportunities SET owner_id = @To, version = version + 1 WHERE id = @Id", new { To = to, deal.Id });
        }
    }

    private static async Task<List<T>> EveryEighthAsync<T>(DbConnection connection, string sql, int remainder) =>
        (await connection.QueryAsync<T>(sql)).Where((_, index) => index % 8 == remainder).ToList();
}
