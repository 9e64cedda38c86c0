using DHub.Core.Databases;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Operations;
using DHub.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DHub.Core.Hosting;

/// <summary>
/// The composition root of DHub.Core: every host (Seeder, API, CLI) wires the same parts the same
/// way. <see cref="AddDHubDatabases"/> comes first; seeding and DataHub stand on its connections.
/// </summary>
public static class DHubServiceCollectionExtensions
{
    /// <summary>
    /// The one <see cref="DatabaseConnections"/> of the host, which <paramref name="connections"/>
    /// creates once (<see cref="DatabaseConnections.FromConfiguration"/> under Aspire,
    /// <see cref="DatabaseConnections.FromServer"/> from one server connection string), and the
    /// <see cref="ServerCatalog"/> over it. The provider disposes the connections.
    /// </summary>
    public static IServiceCollection AddDHubDatabases(this IServiceCollection services, Func<IServiceProvider, DatabaseConnections> connections)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(connections);
        services.TryAddSingleton<ServerCatalog>();
        return services;
    }

    /// <summary>The one way to wire <see cref="SeedOperations"/>: the seven phases and the inventory, over <see cref="AddDHubDatabases"/>.</summary>
    public static IServiceCollection AddDHubSeeding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DatabaseInventory>();
        services.TryAddSingleton(SeedPipeline.Default);
        services.TryAddSingleton<SeedOperations>();
        return services;
    }

    /// <summary>
    /// The one way to wire <see cref="DataHubOperations"/>: the GMS client (see
    /// <see cref="DataHubServiceCollectionExtensions.AddDataHubGmsClient"/>), the introspector and the
    /// operations, over <see cref="AddDHubDatabases"/>. Introspection opens any database of the server.
    /// </summary>
    public static IServiceCollection AddDataHub(this IServiceCollection services, Action<DataHubGmsOptions>? configureGms = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresIntrospector>();
        services.TryAddTransient<DataHubOperations>();
        services.AddDataHubGmsClient(configureGms);
        return services;
    }
}
