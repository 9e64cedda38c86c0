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
/// <remarks>
/// Recovery runs only under the <see cref="SeedLock"/>: a run keeps the lock until after its last
/// <c>COMMIT PREPARED</c>, so what is prepared while a run holds the lock may be that run's commit in
/// progress, never to be finished by anyone else. A crashed run's lock ended with its session.
/// </remarks>
public static partial class PreparedTransactionRecovery
{
    public const string GidPrefix = "dhub:";

    public static string Gid(Guid runId, string database) => $"{GidPrefix}{runId:N}:{database}";

    /// <summary>
    /// Recovers what crashed runs left prepared, unless a run holds the seeding lock (that run recovered
    /// at its start, and what is prepared now may be its own commit). Takes the lock only when there is
    /// something to recover, so it rarely stands in a starting run's way.
    /// </summary>
    /// <returns>The number of prepared transactions finished, or null when a run held the lock.</returns>
    public static async Task<int?> RecoverUnlessRunningAsync(DatabaseConnections connections, ILogger logger, CancellationToken cancellationToken)
    {
        if ((await ListAsync(connections, cancellationToken)).Count == 0)
        {
            return 0;
        }

        await using var held = await SeedLock.TryAcquireAsync(connections, cancellationToken);
        return held is null ? null : await RecoverAsync(connections, logger, cancellationToken);
    }

    /// <summary>
    /// The prepared transactions crashed runs left, which keep their tables locked until recovered; none
    /// while a run holds the seeding lock (what is prepared then may be its commit in progress).
    /// </summary>
    public static async Task<IReadOnlyList<string>> LeftByCrashedRunsAsync(DatabaseConnections connections, CancellationToken cancellationToken)
    {
        var pending = await ListAsync(connections, cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.For(DemoDatabases.Employees).OpenConnectionAsync(cancellationToken);
        return await SeedLock.HolderAsync(connection, cancellationToken) is null ? [.. pending.Select(p => p.Gid)] : [];
    }

    /// <summary>Finishes every prepared transaction of a DHub run. The caller must hold the <see cref="SeedLock"/>.</summary>
    public static async Task<int> RecoverAsync(DatabaseConnections connections, ILogger logger, CancellationToken cancellationToken)
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

    private static async Task<List<(Guid RunId, string Database, string Gid)>> ListAsync(DatabaseConnections connections, CancellationToken cancellationToken)
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
