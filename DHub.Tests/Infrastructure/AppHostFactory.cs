using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DHub.Tests.Infrastructure;

/// <summary>Creates AppHost test builders with the settings every test shares.</summary>
public static class AppHostFactory
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <param name="settings">AppHost configuration as <c>key=value</c>, e.g. <c>DHub:Postgres:Mode=Local</c>.</param>
    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.DHub_AppHost>(settings, TestContext.Current.CancellationToken);
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddFilter("Aspire.", LogLevel.Warning);
            logging.AddFilter("Microsoft.", LogLevel.Warning);
            // Resource console output (postgres, seeder, api) is in the dashboard; in test output it drowns the failures.
            logging.AddFilter("DHub.AppHost.Resources", LogLevel.Warning);
        });
        return builder;
    }

    /// <summary>The cluster of an app started in Local mode: where its data lives, to check what is left on disk and in /proc.</summary>
    public static LocalPostgresCluster LocalClusterOf(DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalPostgresResource>().Single().Cluster;
}
