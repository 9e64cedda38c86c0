using System.CommandLine;

namespace DHub.Cli.Commands;

/// <summary>Options every command accepts (System.CommandLine's recursive options), defined once on the root.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Npgsql connection string of the server, without a Database (e.g. \"Host=localhost;Port=5432;Username=postgres;Password=...\"). "
            + "Overrides DHUB_CONNECTION and the POSTGRES_* variables.",
        HelpName = "connection-string",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON on stdout (and nothing else on stdout).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print the stack trace of an error after its message.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Add(Connection);
        root.Add(Json);
        root.Add(Verbose);
    }
}
