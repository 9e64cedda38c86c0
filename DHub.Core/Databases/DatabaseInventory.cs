using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.Databases;

public sealed record DatabaseSummary(string Name, bool Reachable, int TableCount, string? Error);

public sealed record TableRowCount(string Table, long Rows);

/// <summary>Read-only facts about the demo databases: reachability, tables and row counts.</summary>
public sealed partial class DatabaseInventory(DatabaseConnections connections, ILogger<DatabaseInventory> logger)
{
    private const string TableCountSql =
        "SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";

    // The server quotes the names, so the count statement below needs no quoting of ours.
    private const string TableNamesSql =
        "SELECT table_name::text, format('public.%I', table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";

    public async Task<IReadOnlyList<DatabaseSummary>> SummarizeAsync(CancellationToken cancellationToken)
    {
        var summaries = await Task.WhenAll(DemoDatabases.All.Select(name => SummarizeAsync(name, cancellationToken)));
        return summaries;
    }

    public async Task<DatabaseSummary> SummarizeAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connections.For(database).CreateCommand(TableCountSql);
            var count = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            return new DatabaseSummary(database, true, count, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            LogUnreachable(database, ex.Message);
            return new DatabaseSummary(database, false, 0, ex.Message);
        }
    }

    /// <summary>How long counting one database's rows may take when the caller does not say: the default of a user's query.</summary>
    public static readonly TimeSpan DefaultCountTimeout = TimeSpan.FromSeconds(SqlQuery.DefaultTimeoutSeconds);

    /// <summary>
    /// Exact row counts of every public base table of one database, ordered by table name, in two round
    /// trips whatever the number of tables: one lists the tables, one counts them all in a single
    /// statement under a statement timeout.
    /// </summary>
    /// <param name="lockOrder">
    /// Tables to count before the others, in this order. The statement holds a share lock on each table it
    /// has reached while it waits for the next, so it must take them in the order a writer takes its
    /// exclusive locks (a seed's), or the two could deadlock.
    /// </param>
    /// <param name="lockTimeout">
    /// How long the count may wait for one table's lock: the caller learns early that a table is locked,
    /// and may look for who holds it and try again.
    /// </param>
    /// <exception cref="PostgresException">
    /// With <see cref="PostgresErrorCodes.LockNotAvailable"/>, a table stayed locked longer than <paramref name="lockTimeout"/>;
    /// with <see cref="PostgresErrorCodes.QueryCanceled"/>, counting took longer than <paramref name="statementTimeout"/>
    /// (<see cref="CountTimedOut"/> makes the user's message of either).
    /// </exception>
    public async Task<IReadOnlyList<TableRowCount>> CountRowsAsync(
        string database, IReadOnlyList<string> lockOrder, TimeSpan statementTimeout, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        // Zero would mean "no timeout" to the server.
        ArgumentOutOfRangeException.ThrowIfLessThan(statementTimeout, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(lockTimeout, TimeSpan.FromMilliseconds(1));

        await using var connection = await connections.For(database).OpenConnectionAsync(cancellationToken);
        var tables = new List<(string Name, string Sql)>();
        await using (var list = new NpgsqlCommand(TableNamesSql, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (tables.Count == 0)
        {
            return [];
        }

        // One statement for all tables: one round trip, one snapshot. It names the tables itself rather than
        // letting the server build the counts from the catalog (query_to_xml and the like) because the server
        // locks every table a statement names before it takes the statement's snapshot: a count that waited
        // for a seed's commit sees all of the seed's rows. A server-built count reads with the snapshot taken
        // before its wait and misses them (a table the seed emptied and refilled counts 0).
        var position = lockOrder.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var sql = string.Join("\nUNION ALL ", Enumerable.Range(0, tables.Count)
            .OrderBy(i => position.GetValueOrDefault(tables[i].Name, int.MaxValue))
            .Select(i => $"SELECT {i}, count(*) FROM {tables[i].Sql}"));

        // Both statements travel together and run in the batch's implicit transaction, where the local
        // setting ends: the pooled connection goes back without a timeout of ours.
        await using var batch = new NpgsqlBatch(connection)
        {
            // Npgsql's own timeout only backs up the server's, so callers see the server's clean cancellation.
            Timeout = (int)Math.Ceiling(statementTimeout.TotalSeconds) + 5,
        };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = $"{(long)statementTimeout.TotalMilliseconds}ms" },
                new NpgsqlParameter { Value = $"{Math.Max(1, (long)lockTimeout.TotalMilliseconds)}ms" },
            },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));

        var counts = new long[tables.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }
        return [.. tables.Select((table, i) => new TableRowCount(table.Name, counts[i]))];
    }

    /// <summary>The failure of a count of <paramref name="database"/> that could not finish within <paramref name="statementTimeout"/>; typically a seed, a clear or another transaction held a lock on one of the tables.</summary>
    public DatabaseTimeoutException CountTimedOut(string database, TimeSpan statementTimeout, Exception inner)
    {
        var seconds = statementTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        LogCountTimedOut(database, statementTimeout.TotalMilliseconds);
        return new DatabaseTimeoutException(database, statementTimeout,
            $"Counting the rows of {database} took longer than {seconds} s and was cancelled. A seed or clear in progress, "
            + "or another transaction holding a lock on one of its tables, makes the count wait; try again when it is done.", inner);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Database} is unreachable: {Reason}")]
    private partial void LogUnreachable(string database, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the rows of {Database} exceeded the statement timeout of {TimeoutMs} ms")]
    private partial void LogCountTimedOut(string database, double timeoutMs);
}
