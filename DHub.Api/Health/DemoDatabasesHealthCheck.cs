using DHub.Core.Databases;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DHub.Api.Health;

/// <summary>Unhealthy while any of the six databases does not answer.</summary>
public sealed class DemoDatabasesHealthCheck(ServerCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(DemoDatabases.All.Select(db => catalog.TestAsync(db, cancellationToken)));
        var down = results.Where(r => !r.Reachable).Select(r => r.Database).ToList();
        return down.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Unreachable: {string.Join(", ", down)}");
    }
}
