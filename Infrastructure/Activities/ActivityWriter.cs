using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesCrm.Application.Activities;
using SalesCrm.Application.Common.Records;
using SalesCrm.Domain.Common;
using SalesCrm.Infrastructure.Data;
using SalesCrm.Infrastructure.Records;

namespace SalesCrm.Infrastructure.Activities;

/// <summary>
/// Group commit for activities. SQLite has one writer at a time, so requests that each open their own write
/// transaction queue on the database lock and pay a commit each. Instead every request hands its activities to this
/// single in-process writer and waits; the writer takes everything queued (up to <see cref="MaxRowsPerCommit"/> rows),
/// writes it in ONE transaction and completes each request only after that commit (acknowledged = committed).
/// Per row, inside the transaction: links are checked (exists, not deleted, in scope), an externalId already stored
/// (or stored earlier in the same transaction) makes a duplicate, otherwise the row is inserted. A row that fails
/// never fails its neighbours: link and externalId problems become that row's result, and if the transaction as a
/// whole fails, every request of the group is retried in its own transaction, and a batch that still fails row by row
/// (a row the database refuses becomes that row's error). Used on both dialects: on SQL Server it saves a log flush per
/// request the same way. The queue is unbounded: requests in flight are bounded by the server's connections.
/// </summary>
public sealed class ActivityWriter(IDbConnectionFactory connections, ILogger<ActivityWriter> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The most rows one transaction takes; more queued rows go to the next one.</summary>
    public const int MaxRowsPerCommit = 4_000;

    public static readonly Sql Insert = new("""
        INSERT INTO activities (id, type, owner_id, team_id, occurred_at, lead_id, contact_id, account_id, opportunity_id,
            direction, outcome, duration_seconds, subject, body, replied_at, created_at, created_by, external_source, external_id,
            deleted_at, deleted_by, version)
        VALUES (@Id, @Type, @OwnerId, @TeamId, @OccurredAt, @LeadId, @ContactId, @AccountId, @OpportunityId,
            @Direction, @Outcome, @DurationSeconds, @Subject, @Body, @RepliedAt, @CreatedAt, @CreatedBy, @ExternalSource, @ExternalId,
            NULL, NULL, 1)
        """);

    public static readonly Sql FindExternal = new(
        "SELECT id FROM activities WHERE external_source = @ExternalSource AND external_id = @ExternalId");

    private static readonly string[] InsertParameters =
    [
        "Id", "Type", "OwnerId", "TeamId", "OccurredAt", "LeadId", "ContactId", "AccountId", "OpportunityId", "Direction", "Outcome",
        "DurationSeconds", "Subject", "Body", "RepliedAt", "CreatedAt", "CreatedBy", "ExternalSource", "ExternalId",
    ];

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Lock _startLock = new();
    private Task? _loop;

    /// <summary>The writer's connection and prepared statements; used only by the writer loop.</summary>
    private WriteSession? _session;

    /// <summary>Queues the activities and returns once they are committed, with one result per activity, in order.</summary>
    public Task<IReadOnlyList<ActivityWriteResult>> WriteAsync(IReadOnlyList<NewActivity> activities, OwnerScope linkScope)
    {
        if (activities.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<ActivityWriteResult>>([]);
        }

        EnsureStarted();
        var pending = new PendingWrite(activities, linkScope);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : throw new InvalidOperationException("The activity writer has stopped; the application is shutting down.");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work, then commits everything already queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var group = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < MaxRowsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                rows += pending.Activities.Count;
            }

            await CommitAsync(group);
            group.Clear();
        }

        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        try
        {
            var results = await WriteInOneTransactionAsync(group);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (group.Count > 1)
        {
            logger.LogWarning(ex, "A group commit of {Requests} requests failed; committing each request on its own", group.Count);
            foreach (var pending in group)
            {
                await CommitAsync([pending]);
            }
        }
        catch (Exception ex) when (group[0].Activities.Count > 1)
        {
            logger.LogWarning(ex, "A write of {Rows} activities failed; writing each on its own", group[0].Activities.Count);
            await CommitRowByRowAsync(group[0]);
        }
        catch (Exception ex)
        {
            group[0].Completion.TrySetException(ex);
        }
    }

    /// <summary>The last resort for a batch: each row in its own transaction; a row the database refuses is that row's error.</summary>
    private async Task CommitRowByRowAsync(PendingWrite pending)
    {
        var results = new ActivityWriteResult[pending.Activities.Count];
        try
        {
            for (var row = 0; row < results.Length; row++)
            {
                try
                {
                    results[row] = (await WriteInOneTransactionAsync([new PendingWrite([pending.Activities[row]], pending.LinkScope)]))[0][0];
                }
                catch (DbException ex) when (IsConstraintViolation(ex))
                {
                    results[row] = ActivityWriteResult.Rejected("", "The database refused this activity.");
                }
            }

            pending.Completion.TrySetResult(results);
        }
        catch (Exception ex)
        {
            pending.Completion.TrySetException(ex);
        }
    }

    private static bool IsConstraintViolation(DbException exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 515 or 547 or 2601 or 2627,
        _ => false,
    };

    private async Task<ActivityWriteResult[][]> WriteInOneTransactionAsync(List<PendingWrite> group)
    {
        _session ??= await WriteSession.OpenAsync(connections);
        try
        {
            return await _session.WriteAsync(group);
        }
        catch
        {
            // Whatever failed, the next transaction starts on a fresh connection.
            await _session.DisposeAsync();
            _session = null;
            throw;
        }
    }

    private sealed class PendingWrite(IReadOnlyList<NewActivity> activities, OwnerScope linkScope)
    {
        public IReadOnlyList<NewActivity> Activities { get; } = activities;

        public OwnerScope LinkScope { get; } = linkScope;

        public TaskCompletionSource<IReadOnlyList<ActivityWriteResult>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The writer's own connection, kept open, with each statement prepared once and re-executed for every row of every
    /// transaction (plain ADO.NET rather than Dapper here: re-binding a prepared insert is several times cheaper than
    /// opening a connection and preparing the insert again). Values are bound in the storage forms of <see cref="TypeHandlers"/>.
    /// </summary>
    private sealed class WriteSession(DbConnection connection, IDbConnectionFactory connections) : IAsyncDisposable
    {
        private readonly SqlDialect _dialect = connections.Dialect;
        private readonly Dictionary<(RecordKind, Guid), RecordOwner?> _links = [];
        private readonly Dictionary<RecordKind, DbCommand> _ownerOf = [];
        private DbCommand? _insert;
        private DbCommand? _findExternal;
        private DbTransaction? _transaction;

        public static async Task<WriteSession> OpenAsync(IDbConnectionFactory connections) =>
            new(await connections.OpenAsync(CancellationToken.None), connections);

        /// <summary>Writes the group in one write transaction (on SQLite <c>BEGIN IMMEDIATE</c>) and commits it.</summary>
        public async Task<ActivityWriteResult[][]> WriteAsync(List<PendingWrite> group)
        {
            _links.Clear();
            _transaction = _dialect == SqlDialect.Sqlite
                ? ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync();
            await using (_transaction)
            {
                foreach (var command in Commands())
                {
                    command.Transaction = _transaction;
                }

                var results = new ActivityWriteResult[group.Count][];
                for (var i = 0; i < group.Count; i++)
                {
                    var pending = group[i];
                    results[i] = new ActivityWriteResult[pending.Activities.Count];
                    for (var row = 0; row < pending.Activities.Count; row++)
                    {
                        results[i][row] = await WriteAsync(pending.Activities[row], pending.LinkScope);
                    }
                }

                await _transaction.CommitAsync();
                return results;
            }
        }

        private async Task<ActivityWriteResult> WriteAsync(NewActivity activity, OwnerScope linkScope)
        {
            foreach (var (kind, id, field) in ActivityLinks.Of(activity))
            {
                if (!ActivityLinks.IsLinkable(kind, await OwnerAsync(kind, id), linkScope))
                {
                    return ActivityWriteResult.Rejected(field, ActivityLinks.NotVisible(kind));
                }
            }

            if (activity.ExternalId is not null && await FindExternalAsync(activity) is { } existing)
            {
                return new ActivityWriteResult(ActivityWriteStatus.Duplicate, existing);
            }

            _insert ??= Command(Insert, InsertParameters);
            Bind(_insert, activity.Id, activity.Type.ToName(), activity.OwnerId, activity.TeamId, activity.OccurredAt,
                activity.LeadId, activity.ContactId, activity.AccountId, activity.OpportunityId,
                activity.Direction?.ToName(), activity.Outcome?.ToName(), activity.DurationSeconds, activity.Subject, activity.Body,
                activity.RepliedAt, activity.CreatedAt, activity.CreatedBy, activity.ExternalSource, activity.ExternalId);
            try
            {
                await _insert.ExecuteNonQueryAsync();
                return new ActivityWriteResult(ActivityWriteStatus.Created, activity.Id);
            }
            catch (DbException ex) when (connections.IsUniqueViolation(ex) && activity.ExternalId is not null)
            {
                // Another process stored the same externalId between our check and the insert.
                return await FindExternalAsync(activity) is { } raced
                    ? new ActivityWriteResult(ActivityWriteStatus.Duplicate, raced)
                    : throw new InvalidOperationException("The activity clashed with a stored one.", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in Commands())
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
        }

        private IEnumerable<DbCommand> Commands() =>
            _ownerOf.Values.Append(_insert).Append(_findExternal).OfType<DbCommand>();

        private async Task<RecordOwner?> OwnerAsync(RecordKind kind, Guid id)
        {
            if (_links.TryGetValue((kind, id), out var known))
            {
                return known;
            }

            if (!_ownerOf.TryGetValue(kind, out var command))
            {
                command = Command(OwnerOf(kind), ["Id"]);
                _ownerOf[kind] = command;
            }

            Bind(command, id);
            RecordOwner? owner = null;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync())
                {
                    owner = new RecordOwner(ReadGuid(reader.GetValue(0)), reader.IsDBNull(1) ? null : ReadGuid(reader.GetValue(1)));
                }
            }

            _links[(kind, id)] = owner;
            return owner;
        }

        private async Task<Guid?> FindExternalAsync(NewActivity activity)
        {
            _findExternal ??= Command(FindExternal, ["ExternalSource", "ExternalId"]);
            Bind(_findExternal, activity.ExternalSource, activity.ExternalId);
            return await _findExternal.ExecuteScalarAsync() is { } id and not DBNull ? ReadGuid(id) : null;
        }

        private DbCommand Command(Sql sql, string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql.For(_dialect);
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }

            return command;
        }

        private void Bind(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    Guid guid when _dialect == SqlDialect.Sqlite => guid.ToString("D"),
                    DateTimeOffset at when _dialect == SqlDialect.Sqlite => at.ToUnixTimeMilliseconds(),
                    DateTimeOffset at => at.ToUniversalTime(),
                    var value => value,
                };
            }
        }

        private static Sql OwnerOf(RecordKind kind) => kind switch
        {
            RecordKind.Lead => RecordVisibility.Lead,
            RecordKind.Contact => RecordVisibility.Contact,
            RecordKind.Account => RecordVisibility.Account,
            _ => RecordVisibility.Opportunity,
        };

        private static Guid ReadGuid(object value) => value is Guid guid ? guid : Guid.Parse((string)value);
    }
}
