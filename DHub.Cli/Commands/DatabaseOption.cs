using System.CommandLine;
using DHub.Core.Databases;

namespace DHub.Cli.Commands;

/// <summary>The <c>--database</c>/<c>-d</c> option; tab completion offers the six demo databases.</summary>
public static class DatabaseOption
{
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--database", "-d")
        {
            Description = description,
            HelpName = "name",
        };
        option.CompletionSources.Add(_ => DemoDatabases.All);
        return option;
    }
}
