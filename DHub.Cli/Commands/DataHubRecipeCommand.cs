using System.CommandLine;
using DHub.Cli.Connection;
using DHub.Core.Databases;
using DHub.Core.DataHub.Recipes;

namespace DHub.Cli.Commands;

/// <summary><c>datahub recipe</c>: DataHub ingestion recipes for the databases, with secrets left as variables.</summary>
public static class DataHubRecipeCommand
{
    public const string DefaultDirectory = "ingest_configs";

    public static Command Create(CommandServices services)
    {
        var databases = DatabasesOption.Create("A database to write a recipe for; repeatable. Default: the six demo databases.");
        var allInOne = new Option<bool>("--all-in-one") { Description = "Write one recipe (ingest_all.yml) for all the databases instead of one per database." };
        var target = new Option<RecipeTarget>("--target")
        {
            Description = "Where `datahub ingest` will run: host (this machine, localhost) or docker (inside DataHub's containers).",
            DefaultValueFactory = _ => RecipeTarget.Host,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the recipes to; created when missing.",
            DefaultValueFactory = _ => DefaultDirectory,
            HelpName = "dir",
        };
        var gms = new Option<string?>("--gms") { Description = "GMS URL for the recipes' sink; default http://localhost:8080 (host) or http://datahub-gms:8080 (docker).", HelpName = "url" };
        var catalog = CatalogOption.Create();
        var command = services.WithExamples(
            new Command("recipe", "Write DataHub ingestion recipes (postgres source, datahub-rest sink). Port and user come from the connection; "
                + "secrets stay ${POSTGRES_PASSWORD} and ${DATAHUB_TOKEN}.")
            {
                databases, allInOne, target, output, gms, catalog,
            },
            "dhub datahub recipe",
            "dhub datahub recipe -d loans_db -d accounts_db --target docker -o recipes",
            "dhub datahub recipe --all-in-one --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var settings = run.ResolveSettings();
            var generator = new IngestionRecipeGenerator(CatalogOption.Load(run, catalog, services.Host));
            var options = new IngestionRecipeOptions
            {
                Target = run.Get(target),
                Databases = run.Get(databases) is { Length: > 0 } names ? names.Distinct(StringComparer.Ordinal).ToList() : DemoDatabases.All,
                PostgresHost = settings.Host,
                PostgresPort = settings.Port,
                Username = string.IsNullOrEmpty(settings.Username) ? ConnectionResolver.DefaultUser : settings.Username,
                GmsServer = run.Get(gms) is { Length: > 0 } url ? GmsSettings.ParseUrl(url, "--gms") : null,
            };
            IReadOnlyList<IngestionRecipe> recipes = run.Get(allInOne) ? [generator.AllInOne(options)] : generator.PerDatabase(options);

            var directory = services.Host.FullPath(run.Get(output) ?? DefaultDirectory);
            Directory.CreateDirectory(directory);
            var written = new List<(IngestionRecipe Recipe, string Path)>();
            foreach (var recipe in recipes)
            {
                var path = Path.Combine(directory, recipe.FileName);
                await File.WriteAllTextAsync(path, recipe.Yaml, cancellationToken);
                written.Add((recipe, path));
            }

            var mode = options.Target.ToString().ToLowerInvariant();
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    directory,
                    target = mode,
                    files = written.Select(w => new { file = w.Recipe.FileName, path = w.Path, pipeline = w.Recipe.PipelineName }),
                });
                return ExitCodes.Success;
            }

            foreach (var (recipe, path) in written)
            {
                run.Output.WriteLine($"Wrote {path} (pipeline {recipe.PipelineName})");
            }

            run.Output.WriteLine($"{written.Count} recipe(s) for {mode} mode. "
                + $"Export POSTGRES_PASSWORD and {GmsSettings.TokenVariable}, then run: datahub ingest -c <file>");
            return ExitCodes.Success;
        });
        return command;
    }
}
