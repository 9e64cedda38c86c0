using DHub.AppHost.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DHub.AppHost.DataHub;

/// <summary>
/// Stops the start when the stack cannot run, and warns when it will be short of memory. It runs as
/// the host starts (before the orchestrator looks for a container runtime and waits for it), so the
/// cause is one line, not a timeout; it is a service so the probe can be replaced.
/// </summary>
public sealed partial class DataHubRuntimeCheck(IContainerRuntimeProbe probe, ILogger<DataHubRuntimeCheck> logger) : IHostedLifecycleService
{
    /// <summary>Below this, the quickstart's services do not all fit (GMS alone takes a 1 GB heap).</summary>
    public const long RecommendedMemoryBytes = 4L * 1024 * 1024 * 1024;

    public const string NoRuntimeMessage =
        "DHub:DataHub:Stack=Quickstart runs DataHub in containers, and no container runtime answered 'docker info' or 'podman info': " +
        "start Docker or Podman, or leave DHub:DataHub:Stack unset and point DHub:DataHub:GmsUrl at a running DataHub.";

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!probe.IsAvailable())
        {
            throw new DataHubStackUnavailableException(NoRuntimeMessage);
        }

        if (probe.MemoryBytes() is { } memory && memory < RecommendedMemoryBytes)
        {
            LogLowMemory(logger, memory / (1024 * 1024));
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The container runtime has {MemoryMegabytes} MB of memory; DataHub's quickstart needs about 4 GB and may fail to start its services")]
    private static partial void LogLowMemory(ILogger logger, long memoryMegabytes);
}
