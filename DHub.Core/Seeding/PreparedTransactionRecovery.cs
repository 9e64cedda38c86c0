using DHub.Core.Databases;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>
/// Finishes what a crashed run left prepared. A run's commit decision is its first
/// <c>COMMIT PREPARED</c>: if any database already shows the run's record, the run had decided to
/// commit, so the rest are committed; otherwise nothing of it is visible yet and all are rolled back.
/// Either way every database ends up wholly old or wholly new.
/// </summary>
public static partial class PreparedTransactionRecovery
{
    public const string GidPrefix = "dhub:";

    public static string Gid(Guid runId, string database) => $"{GidPrefix}{runId:N}:{database}";

    public static async Task<int> RecoverAsync(DemoDatabaseConnections connections, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = await ListAsync(connections, cancellationToken);
        foreach (var run in pending.GroupBy(p => p.RunId))
        {
            var committed = false;
            foreach (var database in DemoDatabases.All)
            {
                await using var connection = await connections.For(database).OpenConnectionAsync(cancellationToken);
                committed |= await SeedRunLog.ContainsAsync(connection, run.Key, cancellationToken);
            }

            foreach (var (_, database, gid) in run)
            {
                await using var connection = await connections.For(database).OpenConnectionAsync(cancellationToken);
                await using var finish = new NpgsqlCommand($"{(committed ? "COMMIT" : "ROLLBACK")} PREPARED '{gid}'", connection);
                await finish.ExecuteNonQueryAsync(cancellationToken);
            }

            LogRecovered(logger, run.Key, committed ? "committed" : "rolled back", run.Count());
        }

        return pending.Count;
    }

    private static async Task<List<(Guid RunId, string Database, string Gid)>> ListAsync(DemoDatabaseConnections connections, CancellationToken cancellationToken)
    {
        // pg_prepared_xacts is cluster-wide: any database shows every prepared transaction.
        await using var connection = await connections.For(DemoDatabases.Employees).OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT gid, database FROM pg_prepared_xacts WHERE gid LIKE 'dhub:%'", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<(Guid, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var gid = reader.GetString(0);
            var parts = gid.Split(':');
            if (parts.Length == 3 && Guid.TryParseExact(parts[1], "N", out var runId) && DemoDatabases.IsDemoDatabase(reader.GetString(1)))
            {
                pending.Add((runId, reader.GetString(1), gid));
            }
        }

        return pending;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered interrupted run {RunId}: {Outcome} its {Count} prepared transactions")]
    private static partial void LogRecovered(ILogger logger, Guid runId, string outcome, int count);
}
