using System.CommandLine;
using DHub.Cli.Errors;
using DHub.Cli.Output;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Cli.Commands;

/// <summary>
/// The commands that change DataHub's metadata through GMS: <c>emit</c>, the governance imports and
/// <c>clear</c>. They share the GMS options, the progress lines and the report.
/// </summary>
public static class DataHubPublishCommands
{
    public static Command Emit(CommandServices services)
    {
        var databases = DatabasesOption.Create("A database to publish; repeatable. Default: the six demo databases.");
        var gms = GmsOptions.Create();
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command("emit", "Publish everything (governance entities and the databases' containers and datasets) to DataHub GMS, in batches of at most 200 MCPs.")
            {
                databases, gms.Server, gms.Token, gms.DryRun, catalog,
            },
            "dhub datahub emit",
            "DATAHUB_TOKEN=... dhub datahub emit --gms http://datahub.example:8080",
            "dhub datahub emit --dry-run -d loans_db");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var loaded = CatalogOption.Load(run, catalog, services.Host);
            var names = await run.Server().SelectDatabasesAsync(run.Get(databases), cancellationToken);
            var request = new DataHubRunRequest { Databases = names, DryRun = run.Get(gms.DryRun) };
            return await RunAsync(run, PublicationReport.Publish, request.DryRun, (operations, progress) =>
                operations.PublishAsync(loaded, request, progress, cancellationToken));
        }, gms);
        return command;
    }

    public static Command Import(CommandServices services, string name, string description, MetadataSelection selection)
    {
        var gms = GmsOptions.Create();
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command(name, description) { gms.Server, gms.Token, gms.DryRun, catalog },
            $"dhub datahub {name}",
            $"dhub datahub {name} --dry-run --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var loaded = CatalogOption.Load(run, catalog, services.Host);
            var request = new DataHubRunRequest { Selection = selection, DryRun = run.Get(gms.DryRun) };
            return await RunAsync(run, PublicationReport.Publish, request.DryRun, (operations, progress) =>
                operations.PublishAsync(loaded, request, progress, cancellationToken));
        }, gms);
        return command;
    }

    public static Command Clear(CommandServices services)
    {
        var databases = DatabasesOption.Create("A database whose datasets to remove; repeatable. Default: the six demo databases.");
        var confirm = new Option<bool>("--confirm") { Description = "Really remove. Without it, dhub only shows what would be removed and exits 1." };
        var gms = GmsOptions.Create();
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command("clear", "Remove DHub's metadata from DataHub: soft-delete the datasets, containers, tags, glossary and structured properties, hard-delete the domains.")
            {
                confirm, databases, gms.Server, gms.Token, gms.DryRun, catalog,
            },
            "dhub datahub clear            # only shows what would be removed",
            "dhub datahub clear --confirm");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var loaded = CatalogOption.Load(run, catalog, services.Host);
            var names = await run.Server().SelectDatabasesAsync(run.Get(databases), cancellationToken);
            var confirmed = run.Get(confirm);
            var dryRun = !confirmed || run.Get(gms.DryRun);
            var request = new DataHubRunRequest { Databases = names, DryRun = dryRun };
            var exitCode = await RunAsync(run, PublicationReport.Remove, dryRun, (operations, progress) =>
                operations.ClearAsync(loaded, request, progress, cancellationToken));
            return confirmed
                ? exitCode
                : throw CliException.Failed("Nothing was removed: add --confirm to remove this metadata from DataHub.");
        }, gms);
        return command;
    }

    /// <summary>The shared body: the GMS settings, progress, the report, and GMS errors as exit codes.</summary>
    private static async Task<int> RunAsync(
        Invocation run,
        PublicationReport report,
        bool dryRun,
        Func<DataHubOperations, IProgress<EmissionProgress>?, Task<DataHubRunResult>> change)
    {
        // Resolved before the GMS client is built, which reads them (see CliServices).
        var gms = run.Gms();
        var operations = run.Services.GetRequiredService<DataHubOperations>();
        if (!run.Json && !dryRun)
        {
            run.Output.WriteLine(report.StartLine(gms.DisplayServer));
        }

        DataHubRunResult result;
        try
        {
            result = await change(operations, run.Json ? null : new PlainEmissionProgress(run.Output, "MCPs"));
        }
        catch (DataHubGmsException ex)
        {
            throw GmsFailure.Describe(ex, gms);
        }

        if (run.Json)
        {
            run.Output.WriteJson(report.Json(result));
        }
        else
        {
            report.Write(run.Output, result);
        }

        return ExitCodes.Success;
    }
}
