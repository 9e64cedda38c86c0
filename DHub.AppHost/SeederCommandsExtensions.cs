using DHub.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.AppHost;

/// <summary>
/// Dashboard commands on the seeder: run the pipeline again, or empty the databases. Both start a
/// run of the seeder project, so the domain work stays out of the orchestrator and is traced and
/// logged like any seeder run.
/// </summary>
public static class SeederCommandsExtensions
{
    public const string ReseedCommand = "dhub-reseed";
    public const string ClearCommand = "dhub-clear";

    /// <summary>The seeder started with <c>clear</c>: not started with the app, only by "Clear data".</summary>
    public const string ClearResourceName = "seeder-clear";

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

        seeder.ApplicationBuilder.AddProject<Projects.DHub_Seeder>(ClearResourceName)
            .WithArgs("clear")
            .WithDemoDatabases(postgres)
            .WithExplicitStart();

        seeder.WithCommand(ClearCommand, "Clear data", context => RunClearAsync(context.Services, context.CancellationToken),
            new CommandOptions
            {
                Description = "Empties all 34 tables of the six demo databases.",
                ConfirmationMessage = "Delete every row of the 34 tables in the six demo databases? Re-seed to fill them again.",
                IconName = "Delete",
            });

        return seeder;
    }

    /// <summary>Starts <see cref="ClearResourceName"/> and answers once that run ended, with its outcome.</summary>
    private static async Task<ExecuteCommandResult> RunClearAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        // A new run has a new start time; the previous run's end state must not count as this one's.
        var previousStart = notifications.TryGetCurrentState(ClearResourceName, out var current) ? current.Snapshot.StartTimeStamp : null;

        var started = await services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(ClearResourceName, KnownResourceCommands.StartCommand, cancellationToken);
        if (!started.Success)
        {
            return started;
        }

        var ended = await notifications.WaitForResourceAsync(
            ClearResourceName,
            e => e.Snapshot.StartTimeStamp != previousStart && KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text),
            cancellationToken);
        return ended.Snapshot.ExitCode == 0
            ? CommandResults.Success()
            : CommandResults.Failure($"Clearing failed (exit code {ended.Snapshot.ExitCode}): the {ClearResourceName} console log says why.");
    }
}
