using System.CommandLine;
using System.Globalization;
using DHub.Cli.Connection;
using DHub.Cli.Errors;
using DHub.Cli.Output;
using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Operations;
using DHub.Core.DataHub.Recipes;
using DHub.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DHub.Cli.Commands;

/// <summary>
/// The <c>datahub</c> group: ingestion recipes, the MCP file, publishing DHub's metadata to DataHub
/// GMS (everything, or the governance subsets), clearing it again, and the server's databases.
/// </summary>
public static class DataHubCommands
{
    public const string GmsUrlVariable = "DATAHUB_GMS_URL";
    public const string TokenVariable = "DATAHUB_TOKEN";

    /// <summary>First retry delay of GMS requests in milliseconds; unset keeps DataHubGmsOptions' default (2 s). For tests.</summary>
    public const string RetryDelayVariable = "DHUB_GMS_RETRY_DELAY_MS";

    public const string DefaultRecipeDirectory = "ingest_configs";

    public static Command Create(CommandServices services) => services.WithExamples(
        new Command("datahub", "Publish the demo bank's metadata to DataHub: recipes, MCP file, direct emission to GMS, governance imports, clear.")
        {
            Recipe(services),
            Mcps(services),
            Emit(services),
            ListDatabases(services),
            Import(services, "import-domains", "Publish the 15 domains (parents first) to DataHub GMS.", MetadataSelection.Domains),
            Import(services, "import-glossary", "Publish the glossary (nodes, then terms with their domains) to DataHub GMS.", MetadataSelection.Glossary),
            Import(services, "import-all", "Publish every governance entity (domains, glossary, tags, structured properties) to DataHub GMS; no database access.", MetadataSelection.Governance),
            Import(services, "register-structured-properties", "Publish the structured property definitions to DataHub GMS.", MetadataSelection.StructuredProperties),
            Clear(services),
        },
        "dhub datahub recipe -o ingest_configs",
        "dhub datahub emit --gms http://localhost:8080",
        "dhub datahub mcps -o dhub.mcps.json",
        "dhub datahub clear --confirm");

    /// <summary>The repeatable <c>--database</c>/<c>-d</c> option; none means the six demo databases.</summary>
    internal static Option<string[]> DatabasesOption(string description)
    {
        var option = new Option<string[]>("--database", "-d")
        {
            Description = description,
            HelpName = "name",
            AllowMultipleArgumentsPerToken = false,
        };
        option.CompletionSources.Add(_ => DemoDatabases.All);
        return option;
    }

    internal static Option<string?> CatalogOption() => new("--catalog")
    {
        Description = $"The folder of DHub's DataHub data files; default: {DataHubCatalog.RelativeDirectory} above the current directory, else above dhub's own directory.",
        HelpName = "dir",
    };

    /// <summary>The requested databases (default the six demo ones), checked to exist on the server (exit 2 when not).</summary>
    internal static async Task<IReadOnlyList<string>> RequireDatabasesAsync(Invocation run, Option<string[]> option, CancellationToken cancellationToken)
    {
        var requested = run.Get(option) is { Length: > 0 } names ? names.Distinct(StringComparer.Ordinal).ToList() : null;
        if (requested is null)
        {
            return DemoDatabases.All;
        }

        foreach (var name in requested)
        {
            await run.Server().RequireDatabaseAsync(name, cancellationToken);
        }

        return requested;
    }

    /// <summary>Loads the data files; a missing or invalid catalog is a one-line error with exit code 2 naming the file.</summary>
    internal static DataHubCatalog LoadCatalog(Invocation run, Option<string?> option, CliHost host)
    {
        var directory = run.Get(option) is { Length: > 0 } given
            ? Path.GetFullPath(given, host.CurrentDirectory)
            : DataHubCatalog.FindDirectory(host.CurrentDirectory) ?? DataHubCatalog.FindDirectory(AppContext.BaseDirectory);
        if (directory is null)
        {
            throw CliException.InvalidInput(
                $"No DataHub data files found: there is no {DataHubCatalog.RelativeDirectory} folder above {host.CurrentDirectory} or {AppContext.BaseDirectory}. Pass --catalog DIR.");
        }

        try
        {
            return DataHubCatalog.Load(directory);
        }
        catch (CatalogFileException ex)
        {
            throw CliException.InvalidInput(OneLine(ex.Message), ex);
        }
    }

    /// <summary>DataHubOperations on the resolved server connection, with the GMS client built by AddDataHub (retries of 429/5xx).</summary>
    internal static DataHubScope OpenScope(Invocation run, Action<DataHubGmsOptions>? configureGms = null) =>
        new(run.ResolveSettings().ConnectionString, configureGms);

    /// <summary>Runs <paramref name="action"/> with DataHub's exceptions put into one line and an exit code.</summary>
    internal static void SetAction(CommandServices services, Command command, Func<Invocation, CancellationToken, Task<int>> action) =>
        services.SetAction(command, async (run, cancellationToken) =>
        {
            try
            {
                return await action(run, cancellationToken);
            }
            catch (MetadataValidationException ex)
            {
                throw CliException.Failed(OneLine(ex.Message), ex);
            }
            catch (CatalogFileException ex)
            {
                throw CliException.InvalidInput(OneLine(ex.Message), ex);
            }
        });

    internal static string OneLine(string text) =>
        string.Join(" ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    internal static string ResolvePath(CliHost host, string path) => Path.GetFullPath(path, host.CurrentDirectory);

    private static Command Recipe(CommandServices services)
    {
        var databases = DatabasesOption("A database to write a recipe for; repeatable. Default: the six demo databases.");
        var allInOne = new Option<bool>("--all-in-one") { Description = "Write one recipe (ingest_all.yml) for all the databases instead of one per database." };
        var target = new Option<RecipeTarget>("--target")
        {
            Description = "Where `datahub ingest` will run: host (this machine, localhost) or docker (inside DataHub's containers).",
            DefaultValueFactory = _ => RecipeTarget.Host,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the recipes to; created when missing.",
            DefaultValueFactory = _ => DefaultRecipeDirectory,
            HelpName = "dir",
        };
        var gms = new Option<string?>("--gms") { Description = "GMS URL for the recipes' sink; default http://localhost:8080 (host) or http://datahub-gms:8080 (docker).", HelpName = "url" };
        var catalog = CatalogOption();
        var command = services.WithExamples(
            new Command("recipe", "Write DataHub ingestion recipes (postgres source, datahub-rest sink). Port and user come from the connection; "
                + "secrets stay ${POSTGRES_PASSWORD} and ${DATAHUB_TOKEN}.")
            {
                databases, allInOne, target, output, gms, catalog,
            },
            "dhub datahub recipe",
            "dhub datahub recipe -d loans_db -d accounts_db --target docker -o recipes",
            "dhub datahub recipe --all-in-one --json");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            var settings = run.ResolveSettings();
            var generator = new IngestionRecipeGenerator(LoadCatalog(run, catalog, services.Host));
            var options = new IngestionRecipeOptions
            {
                Target = run.Get(target),
                Databases = run.Get(databases) is { Length: > 0 } names ? names.Distinct(StringComparer.Ordinal).ToList() : DemoDatabases.All,
                PostgresHost = settings.Host,
                PostgresPort = settings.Port,
                Username = string.IsNullOrEmpty(settings.Username) ? ConnectionResolver.DefaultUser : settings.Username,
                GmsServer = run.Get(gms) is { Length: > 0 } url ? ParseGmsUrl(url, "--gms") : null,
            };
            IReadOnlyList<IngestionRecipe> recipes = run.Get(allInOne) ? [generator.AllInOne(options)] : generator.PerDatabase(options);

            var directory = ResolvePath(services.Host, run.Get(output) ?? DefaultRecipeDirectory);
            Directory.CreateDirectory(directory);
            var written = new List<(IngestionRecipe Recipe, string Path)>();
            foreach (var recipe in recipes)
            {
                var path = Path.Combine(directory, recipe.FileName);
                await File.WriteAllTextAsync(path, recipe.Yaml, cancellationToken);
                written.Add((recipe, path));
            }

            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    directory,
                    target = options.Target.ToString().ToLowerInvariant(),
                    files = written.Select(w => new { file = w.Recipe.FileName, path = w.Path, pipeline = w.Recipe.PipelineName }),
                });
                return ExitCodes.Success;
            }

            foreach (var (recipe, path) in written)
            {
                run.Output.WriteLine($"Wrote {path} (pipeline {recipe.PipelineName})");
            }

            run.Output.WriteLine($"{written.Count} recipe(s) for {options.Target.ToString().ToLowerInvariant()} mode. "
                + $"Export POSTGRES_PASSWORD and {TokenVariable}, then run: datahub ingest -c <file>");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Mcps(CommandServices services)
    {
        var databases = DatabasesOption("A database to include; repeatable. Default: the six demo databases.");
        var output = new Option<string>("--output", "-o") { Description = "The JSON file to write (for `datahub ingest mcps FILE`).", Required = true, HelpName = "file" };
        var catalog = CatalogOption();
        var command = services.WithExamples(
            new Command("mcps", "Build and validate every MCP (governance entities and the databases' containers and datasets) and write them as a JSON array.")
            {
                output, databases, catalog,
            },
            "dhub datahub mcps -o dhub.mcps.json && datahub ingest mcps dhub.mcps.json",
            "dhub datahub mcps -o employees.mcps.json -d employees_db");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            var loaded = LoadCatalog(run, catalog, services.Host);
            var names = await RequireDatabasesAsync(run, databases, cancellationToken);
            var path = ResolvePath(services.Host, run.Get(output)!);
            await using var scope = OpenScope(run);
            var built = await scope.Operations.WriteMcpFileAsync(loaded, new DataHubRunRequest { Databases = names }, path, cancellationToken);
            var summary = built.Summary;

            if (run.Json)
            {
                run.Output.WriteJson(new { file = path, databases = names, proposals = summary.Proposals, entities = summary.EntitiesByType });
                return ExitCodes.Success;
            }

            run.Output.Write(EntityTable(summary));
            run.Output.WriteLine($"Wrote {DisplayFormat.Count(summary.Proposals)} MCPs to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Emit(CommandServices services)
    {
        var databases = DatabasesOption("A database to publish; repeatable. Default: the six demo databases.");
        var gms = GmsOptions.Create();
        var catalog = CatalogOption();
        var command = services.WithExamples(
            new Command("emit", "Publish everything (governance entities and the databases' containers and datasets) to DataHub GMS, in batches of at most 200 MCPs.")
            {
                databases, gms.Server, gms.Token, gms.DryRun, catalog,
            },
            "dhub datahub emit",
            "DATAHUB_TOKEN=... dhub datahub emit --gms http://datahub.example:8080",
            "dhub datahub emit --dry-run -d loans_db");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            var loaded = LoadCatalog(run, catalog, services.Host);
            var names = await RequireDatabasesAsync(run, databases, cancellationToken);
            var request = new DataHubRunRequest { Databases = names, DryRun = run.Get(gms.DryRun) };
            return await PublishAsync(services, run, gms, request.DryRun, (operations, progress) =>
                operations.PublishAsync(loaded, request, progress, cancellationToken));
        });
        return command;
    }

    private static Command Import(CommandServices services, string name, string description, MetadataSelection selection)
    {
        var gms = GmsOptions.Create();
        var catalog = CatalogOption();
        var command = services.WithExamples(
            new Command(name, description) { gms.Server, gms.Token, gms.DryRun, catalog },
            $"dhub datahub {name}",
            $"dhub datahub {name} --dry-run --json");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            var loaded = LoadCatalog(run, catalog, services.Host);
            var request = new DataHubRunRequest { Selection = selection, DryRun = run.Get(gms.DryRun) };
            return await PublishAsync(services, run, gms, request.DryRun, (operations, progress) =>
                operations.PublishAsync(loaded, request, progress, cancellationToken));
        });
        return command;
    }

    private static Command Clear(CommandServices services)
    {
        var databases = DatabasesOption("A database whose datasets to remove; repeatable. Default: the six demo databases.");
        var confirm = new Option<bool>("--confirm") { Description = "Really remove. Without it, dhub only shows what would be removed and exits 1." };
        var gms = GmsOptions.Create();
        var catalog = CatalogOption();
        var command = services.WithExamples(
            new Command("clear", "Remove DHub's metadata from DataHub: soft-delete the datasets, containers, tags, glossary and structured properties, hard-delete the domains.")
            {
                confirm, databases, gms.Server, gms.Token, gms.DryRun, catalog,
            },
            "dhub datahub clear            # only shows what would be removed",
            "dhub datahub clear --confirm");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            var loaded = LoadCatalog(run, catalog, services.Host);
            var names = await RequireDatabasesAsync(run, databases, cancellationToken);
            var confirmed = run.Get(confirm);
            var dryRun = !confirmed || run.Get(gms.DryRun);
            var request = new DataHubRunRequest { Databases = names, DryRun = dryRun };
            var exitCode = await PublishAsync(services, run, gms, dryRun, (operations, progress) =>
                operations.ClearAsync(loaded, request, progress, cancellationToken), verb: "remove");
            return confirmed
                ? exitCode
                : throw CliException.Failed("Nothing was removed: add --confirm to remove this metadata from DataHub.");
        });
        return command;
    }

    private static Command ListDatabases(CommandServices services)
    {
        var command = services.WithExamples(
            new Command("list-databases", "List the server's non-template databases with their size; the six demo databases (ingested by default) are marked."),
            "dhub datahub list-databases",
            "dhub datahub list-databases --json");
        SetAction(services, command, async (run, cancellationToken) =>
        {
            await using var scope = OpenScope(run);
            var databases = await scope.Operations.ListDatabasesAsync(cancellationToken);
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    server = run.ResolveSettings().Server,
                    databases = databases.Select(d => new { d.Name, d.SizeBytes, d.Size, demo = d.IsDemo }),
                    total = databases.Count,
                    demo = databases.Count(d => d.IsDemo),
                });
                return ExitCodes.Success;
            }

            var table = new Table().Title($"Databases on {run.ResolveSettings().Server}")
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

    /// <summary>The shared body of emit, the imports and clear: GMS options, progress, the summary, and GMS errors as exit codes.</summary>
    private static async Task<int> PublishAsync(
        CommandServices services,
        Invocation run,
        GmsOptions gms,
        bool dryRun,
        Func<DataHubOperations, IProgress<EmissionProgress>?, Task<DataHubRunResult>> publish,
        string verb = "send")
    {
        var environment = CliEnvironment.For(services.Host);
        var server = run.Get(gms.Server) is { Length: > 0 } given ? ParseGmsUrl(given, "--gms")
            : environment.Get(GmsUrlVariable) is { } variable ? ParseGmsUrl(variable.Value, GmsUrlVariable)
            : new Uri(DataHubGmsOptions.DefaultServer);
        var token = run.Get(gms.Token) is { Length: > 0 } option ? option : environment.Get(TokenVariable)?.Value;
        var retryDelay = environment.Get(RetryDelayVariable) is { } delay
            && int.TryParse(delay.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : (TimeSpan?)null;
        var display = DisplayUrl(server);

        await using var scope = OpenScope(run, options =>
        {
            options.Server = server;
            options.Token = string.IsNullOrEmpty(token) ? null : token;
            if (retryDelay is { } value)
            {
                options.RetryBaseDelay = value;
            }
        });

        if (!run.Json && !dryRun)
        {
            run.Output.WriteLine(verb == "remove" ? $"Removing from DataHub GMS at {display}..." : $"Publishing to DataHub GMS at {display}...");
        }

        DataHubRunResult result;
        try
        {
            result = await publish(scope.Operations, run.Json ? null : new PlainEmissionProgress(run.Output, "MCPs"));
        }
        catch (DataHubGmsException ex)
        {
            throw Describe(ex, display, token);
        }

        var summary = result.Summary;
        if (run.Json)
        {
            run.Output.WriteJson(new
            {
                dryRun = result.DryRun,
                result.RunId,
                selection = result.Selection.ToString(),
                gms = result.Emission?.Server,
                proposals = summary.Proposals,
                entities = summary.EntitiesByType,
                batches = result.Emission?.Batches,
                deletedDomains = verb == "remove" ? result.DeletedDomains : (int?)null,
                elapsedSeconds = result.Emission is { } sent ? Math.Round(sent.Elapsed.TotalSeconds, 3) : (double?)null,
            });
            return ExitCodes.Success;
        }

        var table = EntityTable(summary);
        if (verb == "remove")
        {
            table.AddRow(new Text("domain (hard delete)"), new Text($"{result.DeletedDomains}"));
            table.Title(result.DryRun ? "Would remove" : "Removed");
        }

        run.Output.Write(table);
        if (result.Emission is { } emission)
        {
            run.Output.WriteLine($"{(verb == "remove" ? "Removed: sent" : "Sent")} {DisplayFormat.Count(emission.Proposals)} MCPs in {emission.Batches} batch(es) "
                + $"to {emission.Server} in {DisplayFormat.Seconds(emission.Elapsed)}"
                + (verb == "remove" ? $", and deleted {result.DeletedDomains} domain(s)." : "."));
        }
        else
        {
            run.Output.WriteLine($"Dry run: {DisplayFormat.Count(summary.Proposals)} MCPs built and validated; nothing was sent to DataHub.");
        }

        return ExitCodes.Success;
    }

    private static Table EntityTable(McpSummary summary)
    {
        var table = new Table().AddColumn("Entity type").AddColumn(new TableColumn("Entities").RightAligned());
        foreach (var (type, count) in summary.EntitiesByType)
        {
            table.AddRow(new Text(type), new Text(DisplayFormat.Count(count)));
        }

        table.AddRow(new Text("MCPs", new Style(decoration: Decoration.Bold)), new Text(DisplayFormat.Count(summary.Proposals), new Style(decoration: Decoration.Bold)));
        return table;
    }

    private static CliException Describe(DataHubGmsException exception, string server, string? token)
    {
        var (exitCode, message) = exception.Kind switch
        {
            DataHubGmsErrorKind.Unauthorized => (ExitCodes.Failed,
                $"DataHub rejected the token ({exception.StatusCode}): set {TokenVariable} to a personal access token (GMS at {server})."),
            DataHubGmsErrorKind.NotGms => (ExitCodes.InvalidInput,
                $"{server} looks like the DataHub frontend, not GMS; use the GMS URL (usually port 8080), or the frontend's proxy <frontend>/api/gms."),
            DataHubGmsErrorKind.Unreachable => (ExitCodes.CannotConnect, OneLine(exception.Message)),
            _ => (ExitCodes.Failed, OneLine(exception.Message)),
        };
        if (!string.IsNullOrEmpty(token) && token.Length >= 3)
        {
            message = message.Replace(token, "***", StringComparison.Ordinal);
        }

        return new CliException(exitCode, message, exception);
    }

    private static Uri ParseGmsUrl(string value, string source) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CliException.InvalidInput($"{source} must be an http(s) URL such as {DataHubGmsOptions.DefaultServer}; got '{value}'.");

    /// <summary>The URL without user info, for messages.</summary>
    private static string DisplayUrl(Uri uri) =>
        new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');

    /// <summary>--gms, --token and --dry-run, as every command that talks to GMS takes them.</summary>
    private sealed record GmsOptions(Option<string?> Server, Option<string?> Token, Option<bool> DryRun)
    {
        public static GmsOptions Create() => new(
            new Option<string?>("--gms") { Description = $"DataHub GMS URL; default: {GmsUrlVariable}, else {DataHubGmsOptions.DefaultServer}.", HelpName = "url" },
            new Option<string?>("--token") { Description = $"DataHub personal access token; default: {TokenVariable}. Never printed.", HelpName = "token" },
            new Option<bool>("--dry-run") { Description = "Build and validate the MCPs and count them; send nothing." });
    }
}

/// <summary>DataHubOperations over the server's DatabaseConnections, for one command run.</summary>
internal sealed class DataHubScope : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public DataHubScope(string serverConnectionString, Action<DataHubGmsOptions>? configureGms)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDHubDatabases(_ => DatabaseConnections.FromServer(serverConnectionString));
        services.AddDataHub(configureGms);
        _provider = services.BuildServiceProvider();
    }

    public DataHubOperations Operations => _provider.GetRequiredService<DataHubOperations>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
