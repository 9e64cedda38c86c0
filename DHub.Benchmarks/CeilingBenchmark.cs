using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>
/// PostgreSQL's own loading speed for the data just seeded: every table is exported to a server-side
/// binary file, then re-loaded from those files with server-side <c>COPY ... FROM</c> in the same
/// transactional frame as a seed (one transaction per database that truncates first, the same COPY
/// options, two-phase commit). No generation, no network: the ceiling the pipeline can approach.
/// </summary>
public static class CeilingBenchmark
{
    /// <param name="serverDirectory">A directory on the server's machine that the server's OS user may write.</param>
    public static async Task<CeilingResult> RunAsync(
        DatabaseConnections connections, string serverDirectory, ServerCpu? server, CancellationToken cancellationToken)
    {
        var prefix = $"dhub-ceiling-{Guid.NewGuid():N}";
        var files = DemoTables.InLoadOrder.ToDictionary(t => t, t => Path.Combine(serverDirectory, $"{prefix}-{t.Database}-{t.Table}.bin"));
        try
        {
            var exportClock = Stopwatch.StartNew();
            foreach (var table in DemoTables.InLoadOrder)
            {
                await ExecuteAsync(connections.For(table.Database),
                    $"COPY {table.Sql} ({table.ColumnList}) TO {Literal(files[table])} (FORMAT BINARY)", cancellationToken);
            }

            exportClock.Stop();
            var rows = await DemoTableTotals.RowsAsync(connections, cancellationToken);

            var serverBefore = server?.TotalSeconds();
            var clock = Stopwatch.StartNew();
            var (copying, committing) = (new Stopwatch(), new Stopwatch());
            long rebuildingTicks = 0;
            await using (var session = await SeedSession.BeginAsync(connections, NullLogger.Instance, forLoading: true, cancellationToken))
            {
                foreach (var table in DemoTables.InLoadOrder)
                {
                    await using var copy = new NpgsqlCommand(
                        CopyCommand.From(table.Table, table.Columns, Literal(files[table])), await session.ConnectionForAsync(table.Database));
                    copy.CommandTimeout = 0;
                    copying.Start();
                    await copy.ExecuteNonQueryAsync(cancellationToken);
                    copying.Stop();

                    // As in a seed, the table's indexes and keys are rebuilt in the background while the next tables load.
                    session.InBackground(table.Database, async (_, ct) =>
                    {
                        var started = Stopwatch.GetTimestamp();
                        await session.TableLoadedAsync(table.Database, table.Table, ct);
                        Interlocked.Add(ref rebuildingTicks, Stopwatch.GetElapsedTime(started).Ticks);
                    }, cancellationToken);
                }

                committing.Start();
                await session.CommitAsync((_, _) => Task.CompletedTask, cancellationToken);
                committing.Stop();
            }

            clock.Stop();
            var serverCpu = server?.TotalSeconds() - serverBefore;
            var bytes = await DemoTableTotals.SizeAsync(connections, cancellationToken);
            return new CeilingResult(
                rows,
                bytes,
                Math.Round(clock.Elapsed.TotalSeconds, 3),
                Math.Round(rows / clock.Elapsed.TotalSeconds),
                Figures.MbPerSecond(bytes, clock.Elapsed),
                serverCpu is { } cpu ? Math.Round(cpu, 2) : null,
                Math.Round(copying.Elapsed.TotalSeconds, 3),
                Math.Round(TimeSpan.FromTicks(rebuildingTicks).TotalSeconds, 3),
                Math.Round(committing.Elapsed.TotalSeconds, 3),
                Math.Round(exportClock.Elapsed.TotalSeconds, 3));
        }
        finally
        {
            await RemoveAsync(connections, files, serverDirectory);
        }
    }

    /// <summary>
    /// Empties the files through the server (which owns them, and may run elsewhere), then deletes
    /// them when they are visible and ours to delete.
    /// </summary>
    private static async Task RemoveAsync(DatabaseConnections connections, Dictionary<DemoTable, string> files, string serverDirectory)
    {
        foreach (var (table, file) in files)
        {
            try
            {
                await ExecuteAsync(connections.For(table.Database), $"COPY (SELECT 1 WHERE false) TO {Literal(file)}", CancellationToken.None);
                File.Delete(file);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Could not remove {file} in {serverDirectory}: {ex.Message}");
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
