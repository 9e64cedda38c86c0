using DHub.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DHub.AppHost.DataHub;

/// <summary>
/// With <c>DHub:DataHub:Stack=Quickstart</c>, DataHub's quickstart stack runs as resources of the
/// AppHost: each service with its own logs, state and health, started in the quickstart's order.
/// </summary>
public static class DataHubStackExtensions
{
    /// <returns>The stack's services, or null when no stack is configured.</returns>
    public static DataHubServices? AddDataHubStack(this IDistributedApplicationBuilder builder)
    {
        var settings = DataHubStackSettings.From(builder.Configuration);
        if (settings.Mode == DataHubStackMode.None)
        {
            return null;
        }

        builder.Services.TryAddSingleton<IContainerRuntimeProbe>(_ => new CliContainerRuntimeProbe());
        builder.Services.AddHostedService<DataHubRuntimeCheck>();

        var secrets = DataHubStackSecrets.Add(builder);
        var storage = DataHubStorage.Add(builder, secrets, settings.Persistent);
        var systemUpdate = DataHubSetupJobs.Add(builder, storage, secrets, settings.Version);
        return DataHubServices.Add(builder, storage, systemUpdate, secrets, settings.Version);
    }
}
