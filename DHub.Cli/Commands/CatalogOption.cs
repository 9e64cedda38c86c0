using System.CommandLine;
using DHub.Cli.Errors;
using DHub.Core.DataHub.Catalog;

namespace DHub.Cli.Commands;

/// <summary>The <c>--catalog</c> option: the folder of DHub's DataHub data files, and loading them.</summary>
public static class CatalogOption
{
    public static Option<string?> Create() => new("--catalog")
    {
        Description = $"The folder of DHub's DataHub data files; default: {DataHubCatalog.RelativeDirectory} above the current directory, else above dhub's own directory.",
        HelpName = "dir",
    };

    /// <summary>
    /// Loads the data files from the folder given, else the one found above the current directory or
    /// dhub's own; an invalid file is reported by ErrorReporter with exit code 2.
    /// </summary>
    /// <exception cref="CliException">No folder was given or found (exit code 2).</exception>
    public static DataHubCatalog Load(Invocation run, Option<string?> option, CliHost host)
    {
        var directory = run.Get(option) is { Length: > 0 } given
            ? host.FullPath(given)
            : DataHubCatalog.FindDirectory(host.CurrentDirectory) ?? DataHubCatalog.FindDirectory(AppContext.BaseDirectory);
        return directory is null
            ? throw CliException.InvalidInput(
                $"No DataHub data files found: there is no {DataHubCatalog.RelativeDirectory} folder above {host.CurrentDirectory} or {AppContext.BaseDirectory}. Pass --catalog DIR.")
            : DataHubCatalog.Load(directory);
    }
}
