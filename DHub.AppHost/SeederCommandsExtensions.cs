using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.AppHost;

/// <summary>Dashboard commands on the seeder: run the pipeline again, or empty the databases.</summary>
public static class SeederCommandsExtensions
{
    public const string ReseedCommand = "dhub-reseed";
    public const string ClearCommand = "dhub-clear";

    public static IResourceBuilder<ProjectResource> WithSeedCommands(this IResourceBuilder<ProjectResource> seeder, DemoPostgres postgres)
    {
        // Re-seeding restarts the seeder itself, so the new run is traced and logged like the first one.
        seeder.WithCommand(ReseedCommand, "Re-seed", async context =>
            await context.Services.GetRequiredService<ResourceCommandService>()
                .ExecuteCommandAsync(context.ResourceName, KnownResourceCommands.StartCommand, context.CancellationToken),
            new CommandOptions
            {
                Description = "Runs the seed pipeline again with the AppHost's DHub:Seed settings, replacing all data atomically.",
                IconName = "ArrowSync",
                UpdateState = state => state.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                    ? ResourceCommandState.Disabled
                    : ResourceCommandState.Enabled,
            });

        seeder.WithCommand(ClearCommand, "Clear data", async context =>
            {
                try
                {
                    await using var connections = await ConnectAsync(postgres, context.CancellationToken);
                    var operations = new SeedOperations(connections, new DatabaseInventory(connections, NullLogger<DatabaseInventory>.Instance), NullLogger<SeedOperations>.Instance);
                    await operations.ClearAsync(context.CancellationToken);
                    context.Logger.LogInformation("Cleared all 34 demo tables");
                    return CommandResults.Success();
                }
                catch (SeedException ex)
                {
                    return CommandResults.Failure(ex.Message);
                }
            },
            new CommandOptions
            {
                Description = "Empties all 34 tables of the six demo databases.",
                ConfirmationMessage = "Delete every row of the 34 tables in the six demo databases? Re-seed to fill them again.",
                IconName = "Delete",
            });

        return seeder;
    }

    private static async Task<DatabaseConnections> ConnectAsync(DemoPostgres postgres, CancellationToken cancellationToken)
    {
        var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in postgres.Databases)
        {
            connectionStrings[database.DatabaseName] = await database.Resource.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The connection string of {database.DatabaseName} is not available yet.");
        }

        return DatabaseConnections.FromConnectionStrings(connectionStrings);
    }
}
