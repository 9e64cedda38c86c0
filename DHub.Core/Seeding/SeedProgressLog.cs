using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>
/// Where the run in progress says how far it is, for a status to report while the run holds the tables.
/// </summary>
/// <remarks>
/// The run's own record (<see cref="SeedRunLog"/>) cannot serve: it is written inside the run's
/// transactions, invisible until the commit, and recovery reads its presence as "the commit was
/// decided". So the run keeps one row of <c>dhub.seed_progress</c> in employees_db, written in
/// autocommit on the session that holds the <see cref="SeedLock"/> (which has no transaction of its
/// own), and updated before each table. Whether a run is in progress is decided by the lock, not by
/// the row: a row is only read for the session that holds the lock, so a row left by a crashed run
/// (whose lock ended with its session) is never taken for a live one.
/// </remarks>
public static class SeedProgressLog
{
    private const string EnsureTableSql = """
        CREATE TABLE IF NOT EXISTS dhub.seed_progress (
            run_id        uuid PRIMARY KEY,
            kind          text NOT NULL CHECK (kind IN ('seed', 'clear')),
            pid           integer NOT NULL,
            started_at    timestamptz NOT NULL,
            phase         integer NOT NULL,
            phase_name    text NOT NULL,
            current_table text,
            tables_loaded integer NOT NULL,
            rows_loaded   bigint NOT NULL,
            updated_at    timestamptz NOT NULL
        )
        """;

    /// <summary>Records a run that has just taken the lock, replacing whatever earlier runs left.</summary>
    public static async Task StartAsync(SeedLock held, Guid runId, string kind, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(held.Connection);
        // One statement per command: a batch with parameters cannot hold a command of several.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("CREATE SCHEMA IF NOT EXISTS dhub"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(EnsureTableSql));
        // Only the lock's holder writes here, so every other row is a finished or crashed run's.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM dhub.seed_progress"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO dhub.seed_progress (run_id, kind, pid, started_at, phase, phase_name, tables_loaded, rows_loaded, updated_at)
            VALUES ($1, $2, pg_backend_pid(), $3, 0, 'preparing', 0, 0, now())
            """)
        {
            Parameters = { new() { Value = runId }, new() { Value = kind }, new() { Value = startedAt } },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task UpdateAsync(
        SeedLock held, Guid runId, int phase, string phaseName, string? table, int tablesLoaded, long rowsLoaded, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE dhub.seed_progress
            SET phase = $2, phase_name = $3, current_table = $4, tables_loaded = $5, rows_loaded = $6, updated_at = now()
            WHERE run_id = $1
            """, held.Connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = phase });
        command.Parameters.Add(new NpgsqlParameter { Value = phaseName });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)table ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = tablesLoaded });
        command.Parameters.Add(new NpgsqlParameter { Value = rowsLoaded });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the finished run's row. Best effort: a row left behind is ignored once the lock is released.</summary>
    public static async Task EndAsync(SeedLock held, Guid runId)
    {
        try
        {
            await using var command = new NpgsqlCommand("DELETE FROM dhub.seed_progress WHERE run_id = $1", held.Connection);
            command.Parameters.Add(new NpgsqlParameter { Value = runId });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // A broken connection: the lock went with it, and so did the row's meaning.
        }
    }

    /// <summary>The run holding the seeding lock, or null when none does. Never waits for a lock.</summary>
    /// <param name="connection">A connection to employees_db.</param>
    public static async Task<SeedInProgress?> ReadActiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await SeedLock.HolderAsync(connection, cancellationToken) is not { } holder)
        {
            return null;
        }

        await using var command = new NpgsqlCommand("""
            SELECT run_id, kind, started_at, phase, phase_name, current_table, tables_loaded, rows_loaded, updated_at
            FROM dhub.seed_progress WHERE pid = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = holder });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return SeedInProgress.Unidentified;
            }

            return new SeedInProgress(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt32(6),
                reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A holder that has not created the table yet (the first run on these databases).
            return SeedInProgress.Unidentified;
        }
    }
}
