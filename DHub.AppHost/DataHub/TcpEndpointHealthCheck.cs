using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DHub.AppHost.DataHub;

/// <summary>
/// Healthy once the endpoint accepts a TCP connection: what the quickstart checks for the broker,
/// and for MySQL enough, since its entrypoint keeps networking off until initialization is done.
/// </summary>
public sealed class TcpEndpointHealthCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy($"{endpoint.Resource.Name}: endpoint {endpoint.EndpointName} is not allocated yet");
        }

        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException error)
        {
            return HealthCheckResult.Unhealthy($"{endpoint.Resource.Name}: {endpoint.Host}:{endpoint.Port} refused the connection", error);
        }
    }

    public static IResourceBuilder<T> Add<T>(IResourceBuilder<T> resource, string endpointName)
        where T : IResourceWithEndpoints
    {
        var key = $"{resource.Resource.Name}_tcp_check";
        var endpoint = resource.GetEndpoint(endpointName);
        resource.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new TcpEndpointHealthCheck(endpoint), null, null));
        return resource.WithHealthCheck(key);
    }
}
