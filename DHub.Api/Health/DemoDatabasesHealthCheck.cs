using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DHub.Api.Health;

/// <summary>
/// Unhealthy while any of the six databases does not answer. Degraded while prepared transactions of
/// a crashed run keep demo tables locked (reads of them wait), until the recovery at the API's start,
/// or the next seed or clear, finishes them.
/// </summary>
public sealed class DemoDatabasesHealthCheck(ServerCatalog catalog, DatabaseConnections connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(DemoDatabases.All.Select(db => catalog.TestAsync(db, cancellationToken)));
        var down = results.Where(r => !r.Reachable).Select(r => r.Database).ToList();
        if (down.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Unreachable: {string.Join(", ", down)}");
        }

        try
        {
            var prepared = await PreparedTransactionRecovery.LeftByCrashedRunsAsync(connections, cancellationToken);
            return prepared.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded(
                    $"{prepared.Count} prepared transactions of an interrupted run keep demo tables locked until they are recovered: {string.Join(", ", prepared)}");
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy($"Could not list prepared transactions: {ex.Message}");
        }
    }
}
