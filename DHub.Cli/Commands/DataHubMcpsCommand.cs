using System.CommandLine;
using DHub.Cli.Output;
using DHub.Core.DataHub.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Cli.Commands;

/// <summary><c>datahub mcps</c>: every MCP built and validated, written as a file for <c>datahub ingest mcps</c>.</summary>
public static class DataHubMcpsCommand
{
    public static Command Create(CommandServices services)
    {
        var databases = DatabasesOption.Create("A database to include; repeatable. Default: the six demo databases.");
        var output = new Option<string>("--output", "-o") { Description = "The JSON file to write (for `datahub ingest mcps FILE`).", Required = true, HelpName = "file" };
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command("mcps", "Build and validate every MCP (governance entities and the databases' containers and datasets) and write them as a JSON array.")
            {
                output, databases, catalog,
            },
            "dhub datahub mcps -o dhub.mcps.json && datahub ingest mcps dhub.mcps.json",
            "dhub datahub mcps -o employees.mcps.json -d employees_db");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var loaded = CatalogOption.Load(run, catalog, services.Host);
            var names = await run.Server().SelectDatabasesAsync(run.Get(databases), cancellationToken);
            var path = services.Host.FullPath(run.Get(output)!);
            var operations = run.Services.GetRequiredService<DataHubOperations>();
            var built = await operations.WriteMcpFileAsync(loaded, new DataHubRunRequest { Databases = names }, path, cancellationToken);
            var summary = built.Summary;

            if (run.Json)
            {
                run.Output.WriteJson(new { file = path, databases = names, proposals = summary.Proposals, entities = summary.EntitiesByType });
                return ExitCodes.Success;
            }

            run.Output.Write(EntityTable.Render(summary));
            run.Output.WriteLine($"Wrote {DisplayFormat.Count(summary.Proposals)} MCPs to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
