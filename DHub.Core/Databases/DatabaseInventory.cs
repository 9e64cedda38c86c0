using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.Databases;

public sealed record DatabaseSummary(string Name, bool Reachable, int TableCount, string? Error);

public sealed record TableRowCount(string Table, long Rows);

/// <summary>Read-only facts about the demo databases: reachability, tables and row counts.</summary>
public sealed partial class DatabaseInventory(DemoDatabaseConnections connections, ILogger<DatabaseInventory> logger)
{
    private const string TableCountSql =
        "SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";

    private const string TableNamesSql =
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";

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

    /// <summary>Exact row counts of every public table of one database, ordered by table name.</summary>
    public async Task<IReadOnlyList<TableRowCount>> CountRowsAsync(string database, CancellationToken cancellationToken)
    {
        var source = connections.For(database);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(TableNamesSql, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<TableRowCount>(tables.Count);
        foreach (var table in tables)
        {
            // Table names come from the catalog, never from user input, and are quoted anyway.
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM public.\"{table}\"", connection);
            counts.Add(new TableRowCount(table, (long)(await count.ExecuteScalarAsync(cancellationToken))!));
        }

        return counts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database {Database} is unreachable: {Reason}")]
    private partial void LogUnreachable(string database, string reason);
}
