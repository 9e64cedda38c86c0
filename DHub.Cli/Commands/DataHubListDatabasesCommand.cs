using System.CommandLine;
using DHub.Core.DataHub.Operations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DHub.Cli.Commands;

/// <summary><c>datahub list-databases</c>: what DataHub could ingest from the server, with sizes.</summary>
public static class DataHubListDatabasesCommand
{
    public static Command Create(CommandServices services)
    {
        var command = services.WithExamples(
            new Command("list-databases", "List the server's non-template databases with their size; the six demo databases (ingested by default) are marked."),
            "dhub datahub list-databases",
            "dhub datahub list-databases --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var databases = await run.Services.GetRequiredService<DataHubOperations>().ListDatabasesAsync(cancellationToken);
            var server = run.ResolveSettings().Server;
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    server,
                    databases = databases.Select(d => new { d.Name, d.SizeBytes, d.Size, demo = d.IsDemo }),
                    total = databases.Count,
                    demo = databases.Count(d => d.IsDemo),
                });
                return ExitCodes.Success;
            }

            var table = new Table().Title($"Databases on {server}")
                .AddColumn("Database").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("Demo");
            foreach (var database in databases)
            {
                table.AddRow(new Text(database.Name), new Text(database.Size ?? "?"), new Text(database.IsDemo ? "yes" : "no"));
            }

            run.Output.Write(table);
            run.Output.WriteLine($"Total: {databases.Count} database(s), {databases.Count(d => d.IsDemo)} of them demo databases.");
            return ExitCodes.Success;
        });
        return command;
    }
}
