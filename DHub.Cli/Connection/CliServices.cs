using DHub.Core.Databases;
using DHub.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DHub.Cli.Connection;

/// <summary>
/// The one service provider of a CLI invocation: DHub.Core's seeding and DataHub services on the
/// resolved server. This is the only place the CLI chooses how Core reaches the databases.
/// </summary>
public static class CliServices
{
    /// <param name="gms">The command's GMS settings, read when the GMS client is first built; null keeps the defaults (commands that never send).</param>
    public static ServiceProvider Create(ConnectionSettings settings, Func<GmsSettings?> gms)
    {
        var services = new ServiceCollection();
        // Progress and results go to the display; Core's log lines would only repeat them, so logging has no provider.
        services.AddLogging(logging => logging.ClearProviders());
        services.AddSingleton(settings);
        // Any database of the server, not only the six demo ones: list-databases and -d take any name.
        services.AddDHubDatabases(_ => DatabaseConnections.FromServer(settings.ConnectionString))
            .AddDHubSeeding()
            .AddDataHub(options => gms()?.ApplyTo(options));
        services.AddSingleton<ServerConnection>();
        return services.BuildServiceProvider();
    }
}
