using System.CommandLine;
using System.Reflection;

namespace DHub.Cli.Commands;

/// <summary><c>dhub version</c>: the version the tool was packed with.</summary>
public static class VersionCommand
{
    /// <summary>The assembly's informational version, e.g. "0.1.0+4f2c1e9" (the SDK appends the commit).</summary>
    public static string InformationalVersion { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without build metadata, e.g. "0.1.0".</summary>
    public static string Version { get; } = InformationalVersion.Split('+')[0];

    public static Command Create(CommandServices services)
    {
        var command = services.WithExamples(new Command("version", "Print the version of dhub."), "dhub version", "dhub version --json");
        services.SetAction(command, (run, _) =>
        {
            if (run.Json)
            {
                run.Output.WriteJson(new { name = "dhub", version = Version, informationalVersion = InformationalVersion });
            }
            else
            {
                run.Output.WriteLine($"dhub {Version}");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
