using DHub.Core.Databases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DHub.Core.Seeding;

/// <summary>Registers seeding (and the database services it stands on) in a service collection.</summary>
public static class SeedingServiceCollectionExtensions
{
    /// <summary>
    /// The one way to wire <see cref="SeedOperations"/>: the seven phases, the inventory and the
    /// connections to the six databases, which <paramref name="connections"/> creates once.
    /// </summary>
    public static IServiceCollection AddDHubSeeding(this IServiceCollection services, Func<IServiceProvider, DemoDatabaseConnections> connections)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(connections);
        services.TryAddSingleton<DatabaseInventory>();
        services.TryAddSingleton(SeedPipeline.Default);
        services.TryAddSingleton<SeedOperations>();
        return services;
    }
}
