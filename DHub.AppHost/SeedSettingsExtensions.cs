using Microsoft.Extensions.Configuration;

namespace DHub.AppHost;

public static class SeedSettingsExtensions
{
    private static readonly string[] Keys = ["Scale", "Seed", "Customers", "Employees", "AsOf"];

    /// <summary>Passes the AppHost's <c>DHub:Seed:*</c> settings (scale defaults to 1.0) on to the seeder.</summary>
    public static IResourceBuilder<ProjectResource> WithSeedSettings(this IResourceBuilder<ProjectResource> seeder, IConfiguration configuration)
    {
        foreach (var key in Keys)
        {
            if (configuration[$"DHub:Seed:{key}"] is { Length: > 0 } value)
            {
                seeder.WithEnvironment($"DHub__Seed__{key}", value);
            }
        }

        return seeder;
    }
}
