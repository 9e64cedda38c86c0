using DHub.AppHost.DataHub;
using DHub.AppHost.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.AppHost;

/// <summary>
/// When a DataHub GMS is configured, a <c>datahub-sync</c> resource (the <c>dhub</c> CLI's
/// <c>datahub emit</c>) publishes the metadata after the seeder completes, and the dashboard can
/// run it again. The API gets the same GMS settings for <c>POST /api/datahub/emit</c>. With an
/// in-stack DataHub, that GMS is the one used, and the sync also waits for it to be healthy.
/// </summary>
public static class DataHubSyncExtensions
{
    public const string ResourceName = "datahub-sync";
    public const string SyncCommand = "dhub-datahub-sync";
    public const string GmsUrlKey = "DHub:DataHub:GmsUrl";
    public const string TokenParameterName = "datahub-token";

    public static IDistributedApplicationBuilder AddDataHubSync(
        this IDistributedApplicationBuilder builder,
        DemoPostgres postgres,
        IResourceBuilder<ProjectResource> seeder,
        IResourceBuilder<ProjectResource> api,
        DataHubServices? dataHub = null)
    {
        object gmsUrl;
        string gmsDescription;
        if (dataHub is not null)
        {
            gmsUrl = dataHub.Gms.GetEndpoint("http");
            gmsDescription = $"the in-stack DataHub ({DataHubServices.GmsName})";
        }
        else if (builder.Configuration[GmsUrlKey] is { Length: > 0 } configuredUrl)
        {
            gmsUrl = configuredUrl;
            gmsDescription = configuredUrl;
        }
        else
        {
            return builder;
        }

        // Optional (a GMS without METADATA_SERVICE_AUTH_ENABLED needs none), so an absent value is empty, not a prompt.
        var token = builder.AddParameter(TokenParameterName, () => builder.Configuration[$"Parameters:{TokenParameterName}"] ?? "", secret: true);
        api.WithEnvironment(context => context.EnvironmentVariables["DHub__DataHub__GmsUrl"] = gmsUrl).WithEnvironment("DHub__DataHub__Token", token);

        var sync = builder.AddProject<Projects.DHub_Cli>(ResourceName)
            .WithArgs("datahub", "emit", "--gms", gmsUrl)
            .WithEnvironment("DATAHUB_TOKEN", token)
            .WithEnvironment("DHUB_CONNECTION", ReferenceExpression.Create($"{postgres.Server.Resource}"))
            .WithDemoDatabases(postgres)
            .WaitForCompletion(seeder);
        if (dataHub is not null)
        {
            // A token, when given, wins; without one, the system client gets in, so the first start publishes.
            sync.WaitFor(dataHub.Gms)
                .WithEnvironment("DATAHUB_SYSTEM_CLIENT_ID", DataHubStackSecrets.SystemClientId)
                .WithEnvironment("DATAHUB_SYSTEM_CLIENT_SECRET", dataHub.Secrets.SystemClientSecret);
            api.WithEnvironment("DHub__DataHub__SystemClientId", DataHubStackSecrets.SystemClientId)
                .WithEnvironment("DHub__DataHub__SystemClientSecret", dataHub.Secrets.SystemClientSecret);
        }

        sync.WithCommand(SyncCommand, "Sync to DataHub", async context =>
                await context.Services.GetRequiredService<ResourceCommandService>()
                    .ExecuteCommandAsync(context.ResourceName, KnownResourceCommands.StartCommand, context.CancellationToken),
            new CommandOptions
            {
                Description = $"Sends the metadata of the six databases to {gmsDescription} again.",
                IconName = "CloudArrowUp",
                UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                    ? ResourceCommandState.Disabled
                    : ResourceCommandState.Enabled,
            });

        return builder;
    }
}
