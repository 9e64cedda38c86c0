using System.CommandLine;
using DHub.Core.DataHub.Operations;
using DHub.Core.SchemaDescriptor;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Cli.Commands;

/// <summary>The <c>schema</c> group: the schema descriptor of the live databases and the data files, no DataHub needed.</summary>
public static class SchemaCommands
{
    public static Command Create(CommandServices services) => services.WithExamples(
        new Command("schema", "Describe the demo databases' schemas, enriched with DHub's DataHub data files.")
        {
            Export(services),
        },
        "dhub schema export --yaml",
        "dhub schema export --yaml --minified -o schema.yaml");

    private static Command Export(CommandServices services)
    {
        var yaml = new Option<bool>("--yaml") { Description = "Write the descriptor as YAML (the only format, and the default)." };
        var minified = new Option<bool>("--minified") { Description = "Compact context for text-to-SQL: descriptions, types, nullability, foreign keys and cross-database references only." };
        var databases = DatabasesOption.Create("A database to describe; repeatable. Default: the six demo databases.");
        var output = new Option<string?>("--output", "-o") { Description = "Write the YAML to this file instead of stdout.", HelpName = "file" };
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command("export", "Print the schema descriptor (databases, schemas, tables, columns, keys, domains, owners, tags, terms) built from the live databases and the data files.")
            {
                yaml, minified, databases, output, catalog,
            },
            "dhub schema export --yaml > schema.yaml",
            "dhub schema export --yaml --minified -d loans_db",
            "dhub schema export --yaml -o schema.yaml --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var loaded = CatalogOption.Load(run, catalog, services.Host);
            var names = await run.Server().SelectDatabasesAsync(run.Get(databases), cancellationToken);
            var form = run.Get(minified) ? DescriptorForm.Minified : DescriptorForm.Full;
            var operations = run.Services.GetRequiredService<DataHubOperations>();
            var text = await operations.DescribeAsync(loaded, names, form, cancellationToken: cancellationToken);

            if (run.Get(output) is { Length: > 0 } file)
            {
                var path = services.Host.FullPath(file);
                await File.WriteAllTextAsync(path, text, cancellationToken);
                if (run.Json)
                {
                    run.Output.WriteJson(new { file = path, form = form.ToString().ToLowerInvariant(), databases = names });
                }
                else
                {
                    run.Output.WriteLine($"Wrote the {form.ToString().ToLowerInvariant()} schema descriptor of {names.Count} database(s) to {path}");
                }
            }
            else if (run.Json)
            {
                run.Output.WriteJson(new { form = form.ToString().ToLowerInvariant(), databases = names, yaml = text });
            }
            else
            {
                // Straight to stdout, not through Spectre, which would wrap long lines.
                await services.Host.Out.WriteAsync(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
