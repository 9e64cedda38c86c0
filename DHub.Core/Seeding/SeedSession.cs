using DHub.Core.Databases;
using DHub.Core.Seeding.Loading;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>
/// A unit of work over the six databases: it holds the seeding lock, keeps one open transaction per
/// database (whose demo tables it has already truncated), and commits them all or none. Disposing an
/// uncommitted session rolls everything back, so a failure anywhere leaves the previous contents.
/// A session opened for loading also sets the demo tables' indexes and keys aside until each table
/// is loaded (<see cref="DeferredIndexes"/>), inside the same transactions.
/// </summary>
/// <remarks>
/// It touches only the <see cref="DemoTables"/>: users may keep tables of their own in the same
/// databases and schema, and those keep their rows, keys and indexes.
/// </remarks>
public sealed partial class SeedSession : IAsyncDisposable
{
    private const int RequiredPreparedTransactions = 6;

    private readonly SeedLock _lock;
    private readonly Dictionary<string, NpgsqlConnection> _connections;
    private readonly Dictionary<string, DeferredIndexes> _deferred;
    private readonly ILogger _logger;
    private readonly bool _twoPhase;
    private readonly HashSet<string> _prepared = [];
    private readonly Dictionary<string, Task> _background = new(StringComparer.Ordinal);
    private bool _committed;

    private SeedSession(Guid runId, SeedLock @lock, Dictionary<string, NpgsqlConnection> connections, Dictionary<string, DeferredIndexes> deferred, bool twoPhase, ILogger logger)
    {
        RunId = runId;
        _lock = @lock;
        _connections = connections;
        _deferred = deferred;
        _twoPhase = twoPhase;
        _logger = logger;
    }

    public Guid RunId { get; }

    /// <summary>Records how far the run is, for a status asked meanwhile (<see cref="SeedProgressLog"/>); visible at once.</summary>
    public Task RecordProgressAsync(int phase, string phaseName, string? table, int tablesLoaded, long rowsLoaded, CancellationToken cancellationToken) =>
        SeedProgressLog.UpdateAsync(_lock, RunId, phase, phaseName, table, tablesLoaded, rowsLoaded, cancellationToken);

    /// <summary>Opens a session that empties the tables and loads nothing (clearing).</summary>
    public static Task<SeedSession> BeginAsync(DatabaseConnections connections, ILogger logger, CancellationToken cancellationToken) =>
        BeginAsync(connections, logger, forLoading: false, cancellationToken);

    /// <param name="forLoading">
    /// The tables will be loaded: drop their indexes and keys now and rebuild them as each table is
    /// reported loaded (<see cref="TableLoadedAsync"/>), at the latest before the commit.
    /// </param>
    public static async Task<SeedSession> BeginAsync(DatabaseConnections connections, ILogger logger, bool forLoading, CancellationToken cancellationToken)
    {
        var @lock = await SeedLock.TryAcquireAsync(connections, cancellationToken) ?? throw new SeedAlreadyRunningException();
        var runId = Guid.NewGuid();
        var opened = new Dictionary<string, NpgsqlConnection>(StringComparer.Ordinal);
        var deferred = new Dictionary<string, DeferredIndexes>(StringComparer.Ordinal);
        try
        {
            // First, so that a status asked from now on names this run rather than waiting for its tables.
            await SeedProgressLog.StartAsync(@lock, runId, forLoading ? "seed" : "clear", DateTimeOffset.UtcNow, cancellationToken);
            await PreparedTransactionRecovery.RecoverAsync(connections, logger, cancellationToken);

            foreach (var database in DemoDatabases.All)
            {
                var connection = await connections.For(database).OpenConnectionAsync(cancellationToken);
                opened[database] = connection;
                await ExecuteAsync(connection, SeedRunLog.EnsureTableSql, cancellationToken);
                await ExecuteAsync(connection, "BEGIN", cancellationToken);
                var tables = DemoTables.In(database);
                // Before the TRUNCATE, so that a user's foreign key is reported by name rather than by the
                // TRUNCATE's generic error (or by DeferredIndexes failing to drop the key it depends on).
                // The lock, which the TRUNCATE would take anyway, keeps anyone from adding one in between.
                await LockAsync(connection, tables, cancellationToken);
                await EnsureNotReferencedAsync(connection, database, tables, cancellationToken);
                await TruncateAsync(connection, tables, cancellationToken);
                if (forLoading)
                {
                    deferred[database] = await DeferredIndexes.DropAsync(connection, tables.Select(t => t.Table).ToList(), cancellationToken);
                }
            }

            var twoPhase = await SupportsTwoPhaseCommitAsync(@lock.Connection, cancellationToken);
            if (!twoPhase)
            {
                LogNoTwoPhaseCommit(logger, RequiredPreparedTransactions);
            }

            return new SeedSession(runId, @lock, opened, deferred, twoPhase, logger);
        }
        catch
        {
            foreach (var connection in opened.Values)
            {
                await connection.DisposeAsync(); // returning a connection to the pool rolls back its transaction
            }

            await SeedProgressLog.EndAsync(@lock, runId);
            await @lock.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The connection of <paramref name="database"/>'s transaction, once the work queued on it with
    /// <see cref="InBackground"/> is done. Rethrows that work's failure.
    /// </summary>
    public async Task<NpgsqlConnection> ConnectionForAsync(string database)
    {
        if (_background.TryGetValue(database, out var queued))
        {
            await queued;
        }

        return _connections[database];
    }

    /// <summary>
    /// Queues <paramref name="work"/> on <paramref name="database"/>'s connection and returns at once,
    /// so the caller can generate the next table while the server works (rebuilding a table's
    /// indexes is a sort per index, on the server's core). Work on one database runs in order; the
    /// next <see cref="ConnectionForAsync"/> for that database, and <see cref="CommitAsync"/>, wait for
    /// it and rethrow its failure.
    /// </summary>
    public void InBackground(string database, Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var connection = _connections[database];
        var before = _background.GetValueOrDefault(database, Task.CompletedTask);
        _background[database] = Chain(before, connection, work, cancellationToken);

        static async Task Chain(Task before, NpgsqlConnection connection, Func<NpgsqlConnection, CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            await before;
            await work(connection, cancellationToken);
        }
    }

    /// <summary>
    /// Call once a table's rows are all in: rebuilds its indexes and keys, and the foreign keys
    /// between tables that are now all loaded (validating them). Does nothing unless the session was
    /// opened for loading. Runs on the database's connection: call it from work queued there, or when
    /// nothing is queued.
    /// </summary>
    public async Task TableLoadedAsync(string database, string table, CancellationToken cancellationToken)
    {
        if (_deferred.TryGetValue(database, out var deferred))
        {
            await deferred.RestoreAsync(_connections[database], table, cancellationToken);
        }
    }

    /// <summary>Makes everything written in this session visible at once, in all six databases.</summary>
    public async Task CommitAsync(Func<NpgsqlConnection, CancellationToken, Task> recordRun, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_background.Values);
        foreach (var (database, deferred) in _deferred)
        {
            await deferred.RestoreAllAsync(_connections[database], cancellationToken);
        }

        foreach (var connection in _connections.Values)
        {
            await recordRun(connection, cancellationToken);
        }

        if (!_twoPhase)
        {
            foreach (var connection in _connections.Values)
            {
                await ExecuteAsync(connection, "COMMIT", cancellationToken);
            }

            _committed = true;
            return;
        }

        foreach (var (database, connection) in _connections)
        {
            await ExecuteAsync(connection, $"PREPARE TRANSACTION '{PreparedTransactionRecovery.Gid(RunId, database)}'", cancellationToken);
            _prepared.Add(database);
        }

        // The decision is made: from the first COMMIT PREPARED on, recovery completes the rest, so this
        // phase must not be abandoned half-way because a caller lost interest.
        foreach (var (database, connection) in _connections)
        {
            await ExecuteAsync(connection, $"COMMIT PREPARED '{PreparedTransactionRecovery.Gid(RunId, database)}'", CancellationToken.None);
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        // A connection still busy with queued work cannot roll back, so let the work end first. Its
        // failure is not this method's to report: the seed already failed (that is why it is
        // disposing uncommitted) or CommitAsync rethrew it.
        try
        {
            await Task.WhenAll(_background.Values);
        }
#pragma warning disable CA1031 // see above: any failure here is already reported elsewhere, and the rollback must run.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (!_committed)
        {
            await RollBackAsync();
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        await SeedProgressLog.EndAsync(_lock, RunId);
        await _lock.DisposeAsync();
    }

    private async Task RollBackAsync()
    {
        foreach (var (database, connection) in _connections)
        {
            try
            {
                var sql = _prepared.Contains(database)
                    ? $"ROLLBACK PREPARED '{PreparedTransactionRecovery.Gid(RunId, database)}'"
                    : "ROLLBACK";
                await ExecuteAsync(connection, sql, CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // A broken connection has already rolled back; a prepared transaction it could not
                // roll back is finished by recovery at the next start.
                LogRollbackDeferred(_logger, database, ex.Message);
            }
        }
    }

    private static Task LockAsync(NpgsqlConnection connection, IReadOnlyList<DemoTable> tables, CancellationToken cancellationToken) =>
        tables.Count == 0
            ? Task.CompletedTask
            : ExecuteAsync(connection, $"LOCK TABLE {string.Join(", ", tables.Select(t => t.Sql))} IN ACCESS EXCLUSIVE MODE", cancellationToken);

    /// <exception cref="DemoTablesReferencedException">A table that is not a demo table has a foreign key to one.</exception>
    private static async Task EnsureNotReferencedAsync(NpgsqlConnection connection, string database, IReadOnlyList<DemoTable> tables, CancellationToken cancellationToken)
    {
        // Any schema may hold the referencing table; a partition's copy of its parent's key is left out.
        await using var command = new NpgsqlCommand("""
            SELECT format('%I.%I', n.nspname, t.relname), c.conname, r.relname
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype = 'f' AND c.conparentid = 0
              AND r.relnamespace = 'public'::regnamespace AND r.relname = ANY($1)
              AND NOT (t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1))
            ORDER BY 1, 2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tables.Select(t => t.Table).ToArray() });
        var references = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                references.Add($"{database}.{reader.GetString(0)} references {reader.GetString(2)} through foreign key {reader.GetString(1)}");
            }
        }

        if (references.Count > 0)
        {
            throw new DemoTablesReferencedException(references);
        }
    }

    private static async Task TruncateAsync(NpgsqlConnection connection, IReadOnlyList<DemoTable> tables, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return;
        }

        // One statement for all of a database's demo tables satisfies the foreign keys between them;
        // RESTART IDENTITY renumbers their SERIALs from 1. Never CASCADE: that would empty any table of
        // the user's that references them (EnsureNotReferencedAsync refuses that case first).
        await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", tables.Select(t => t.Sql))} RESTART IDENTITY", cancellationToken);
    }

    private static async Task<bool> SupportsTwoPhaseCommitAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting('max_prepared_transactions')::int", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! >= RequiredPreparedTransactions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server allows fewer than {Required} prepared transactions (max_prepared_transactions); the six databases are committed one after another, not atomically")]
    private static partial void LogNoTwoPhaseCommit(ILogger logger, int required);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll back {Database} now ({Reason}); recovery finishes it at the next start")]
    private static partial void LogRollbackDeferred(ILogger logger, string database, string reason);
}
