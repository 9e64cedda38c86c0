using System.CommandLine;
using DHub.Cli.Connection;
using DHub.Core.DataHub.Gms;

namespace DHub.Cli.Commands;

/// <summary><c>--gms</c>, <c>--token</c> and <c>--dry-run</c>, as every command that talks to GMS takes them.</summary>
public sealed record GmsOptions(Option<string?> Server, Option<string?> Token, Option<bool> DryRun)
{
    public static GmsOptions Create() => new(
        new Option<string?>("--gms") { Description = $"DataHub GMS URL; default: {GmsSettings.GmsUrlVariable}, else {DataHubGmsOptions.DefaultServer}.", HelpName = "url" },
        new Option<string?>("--token") { Description = $"DataHub personal access token; default: {GmsSettings.TokenVariable}. Never printed.", HelpName = "token" },
        new Option<bool>("--dry-run") { Description = "Build and validate the MCPs and count them; send nothing." });
}
