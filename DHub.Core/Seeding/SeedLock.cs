using DHub.Core.Databases;
using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>
/// The seeding lock: a session-level advisory lock in employees_db that every seed, clear and
/// recovery of prepared transactions holds while it works, so only one of them runs at a time
/// across all DHub processes. A crashed holder's lock ends with its server session.
/// </summary>
public sealed class SeedLock : IAsyncDisposable
{
    // Any constant works; it only has to be the same for every DHub process ("DHubSeed" in ASCII).
    private const long Key = 0x4448_7562_5365_6564;

    private SeedLock(NpgsqlConnection connection) => Connection = connection;

    /// <summary>The session that holds the lock; free for short statements of the holder's own (no transaction of its own).</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>Takes the lock without waiting; null when another session holds it.</summary>
    public static async Task<SeedLock?> TryAcquireAsync(DatabaseConnections connections, CancellationToken cancellationToken)
    {
        var connection = await connections.For(DemoDatabases.Employees).OpenConnectionAsync(cancellationToken);
        try
        {
            await using var acquire = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
            if ((bool)(await acquire.ExecuteScalarAsync(cancellationToken))!)
            {
                return new SeedLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// The server process id of the session holding the lock, or null when it is free. Reads
    /// pg_locks, so unlike trying the lock it can never make a starting run fail.
    /// </summary>
    /// <param name="connection">A connection to employees_db, where the lock lives (advisory locks are per database).</param>
    public static async Task<int?> HolderAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A bigint advisory key shows as its high half in classid and its low half in objid, with objsubid 1.
        await using var command = new NpgsqlCommand("""
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = $1 AND objid::bigint = $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Key >> 32 });
        command.Parameters.Add(new NpgsqlParameter { Value = Key & 0xFFFF_FFFF });
        return await command.ExecuteScalarAsync(cancellationToken) is int pid ? pid : null;
    }

    /// <summary>Session-level advisory locks outlive <c>Close()</c> on a pooled connection, so unlock explicitly.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", Connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken, and the server released the lock when the session ended.
        }

        await Connection.DisposeAsync();
    }
}
