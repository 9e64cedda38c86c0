using System.CommandLine;
using DHub.Core.Databases;

namespace DHub.Cli.Commands;

/// <summary>The repeatable <c>--database</c>/<c>-d</c> option; none means the six demo databases, which tab completion offers.</summary>
public static class DatabasesOption
{
    public static Option<string[]> Create(string description)
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
}
