using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using DHub.Cli.Commands;

namespace DHub.Cli;

/// <summary>
/// The <c>dhub</c> command tree and its entry point. A new command group is one file under
/// Commands/ with a <c>Create(CommandServices)</c> method, added to <see cref="CreateRootCommand"/>.
/// </summary>
public static class DhubApp
{
    public static RootCommand CreateRootCommand(CliHost host)
    {
        var global = new GlobalOptions();
        var examples = new CommandExamples();
        var services = new CommandServices(host, global, examples);
        var root = new RootCommand(
            "dhub: the command line of the DHub demo bank. Inspects, queries and seeds its six PostgreSQL databases, and publishes their metadata to DataHub.\n\n"
            + "Connection, first match wins: --connection, then DHUB_CONNECTION, then POSTGRES_HOST/PORT/USER/PASSWORD "
            + "(environment first, then ./.env; defaults localhost, 5432, postgres, postgres). See docs/cli.md.")
        {
            VersionCommand.Create(services),
            DbCommands.Create(services),
            SeedCommands.Create(services),
            DataHubCommands.Create(services),
            SchemaCommands.Create(services),
        };
        global.AddTo(root);
        services.WithExamples(root,
            "dhub db list",
            "dhub db query \"SELECT count(*) FROM customers\" -d accounts_db",
            "dhub seed all --scale 0.1",
            "dhub --connection \"Host=db.example;Username=postgres;Password=...\" seed status");
        examples.AttachTo(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(host).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine would print every error and the whole help text, and exit 1;
            // a usage error here is one line, a pointer to --help, and exit 2.
            await host.Error.WriteLineAsync(
                $"error: {string.Join(" ", parseResult.Errors.Select(e => e.Message))} Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // Commands report their own errors (CommandServices.SetAction); nothing should reach this handler.
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>"dhub db query" for the command the parser got to; the root is always called dhub (not the test host's name).</summary>
    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: not RootCommand } command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        names.Insert(0, "dhub");
        return string.Join(" ", names);
    }
}
