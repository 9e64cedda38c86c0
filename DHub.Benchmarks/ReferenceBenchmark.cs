using System.Diagnostics;
using System.Text;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>How the INSERT baseline sends rows, 1,000 at a time.</summary>
public enum ReferenceMethod
{
    /// <summary>One multi-row <c>INSERT ... VALUES (...), (...)</c> statement per 1,000 rows: the issue's definition, and the target's.</summary>
    MultiRowInsert,

    /// <summary>
    /// What psycopg 3's <c>executemany</c> sends for a slice of 1,000 rows (shared/spec/generation.md):
    /// one single-row <c>INSERT</c> per row, 1,000 of them pipelined in one round trip.
    /// </summary>
    ExecuteMany,
}

/// <summary>
/// The INSERT baseline: INSERT statements with parameters, 1,000 rows at a time
/// (<see cref="ReferenceMethod"/>). The rows are the ones currently in the databases (read back
/// first, outside the timing), re-inserted in load order into tables truncated in the same
/// transaction, one transaction per database.
/// </summary>
public static class ReferenceBenchmark
{
    public const int RowsPerStatement = 1000;

    // PostgreSQL's wire protocol numbers parameters with 16 bits.
    private const int MaxParameters = 65535;

    public static async Task<ReferenceResult> RunAsync(
        DatabaseConnections connections, ReferenceMethod method, double scale, ServerCpu? server, CancellationToken cancellationToken)
    {
        var data = new List<(DemoTable Table, string[] Types, List<object[]> Rows)>();
        foreach (var table in DemoTables.InLoadOrder)
        {
            data.Add(await ReadAsync(connections.For(table.Database), table, cancellationToken));
        }

        var rows = data.Sum(d => (long)d.Rows.Count);
        var statements = 0;
        var serverBefore = server?.TotalSeconds();
        var clock = Stopwatch.StartNew();
        var open = new Dictionary<string, NpgsqlConnection>(StringComparer.Ordinal);
        try
        {
            foreach (var database in DemoDatabases.All)
            {
                var connection = await connections.For(database).OpenConnectionAsync(cancellationToken);
                open[database] = connection;
                await ExecuteAsync(connection, "BEGIN", cancellationToken);
                var tables = string.Join(", ", DemoTables.In(database).Select(t => t.Sql));
                await ExecuteAsync(connection, $"TRUNCATE {tables} RESTART IDENTITY", cancellationToken);
            }

            foreach (var (table, types, tableRows) in data)
            {
                var batch = Math.Min(RowsPerStatement, MaxParameters / table.Columns.Count);
                foreach (var chunk in tableRows.Chunk(batch))
                {
                    if (method == ReferenceMethod.MultiRowInsert)
                    {
                        await InsertAsync(open[table.Database], table, types, chunk, cancellationToken);
                        statements++;
                    }
                    else
                    {
                        await InsertEachAsync(open[table.Database], table, types, chunk, cancellationToken);
                        statements += chunk.Length;
                    }
                }
            }

            foreach (var connection in open.Values)
            {
                await ExecuteAsync(connection, "COMMIT", cancellationToken);
            }
        }
        finally
        {
            foreach (var connection in open.Values)
            {
                await connection.DisposeAsync();
            }
        }

        clock.Stop();
        var serverCpu = server?.TotalSeconds() - serverBefore;
        var bytes = await DemoTableTotals.SizeAsync(connections, cancellationToken);
        return new ReferenceResult(
            method == ReferenceMethod.MultiRowInsert ? "multi-row INSERT" : "executemany",
            scale,
            rows,
            bytes,
            statements,
            RowsPerStatement,
            Math.Round(clock.Elapsed.TotalSeconds, 3),
            Math.Round(rows / clock.Elapsed.TotalSeconds),
            Figures.MbPerSecond(bytes, clock.Elapsed),
            serverCpu is { } cpu ? Math.Round(cpu, 2) : null);
    }

    private static async Task<(DemoTable, string[], List<object[]>)> ReadAsync(NpgsqlDataSource source, DemoTable table, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand($"SELECT {table.ColumnList} FROM {table.Sql}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var types = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetPostgresType(i).Name).ToArray();
        var rows = new List<object[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return (table, types, rows);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, DemoTable table, string[] types, object[][] rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"INSERT INTO {table.Sql} ({table.ColumnList}) VALUES ");
        await using var command = new NpgsqlCommand { Connection = connection };
        var n = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < types.Length; c++)
            {
                sql.Append(c == 0 ? "$" : ", $").Append(++n);
                command.Parameters.Add(new NpgsqlParameter { DataTypeName = types[c], Value = rows[r][c] });
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertEachAsync(NpgsqlConnection connection, DemoTable table, string[] types, object[][] rows, CancellationToken cancellationToken)
    {
        var sql = $"INSERT INTO {table.Sql} ({table.ColumnList}) VALUES ({string.Join(", ", types.Select((_, c) => $"${c + 1}"))})";
        await using var batch = new NpgsqlBatch(connection);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var c = 0; c < types.Length; c++)
            {
                command.Parameters.Add(new NpgsqlParameter { DataTypeName = types[c], Value = row[c] });
            }

            batch.BatchCommands.Add(command);
        }

        // Prepared once per connection, as psycopg prepares a statement it executes many times.
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
