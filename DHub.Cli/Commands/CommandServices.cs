using System.CommandLine;
using DHub.Cli.Errors;

namespace DHub.Cli.Commands;

/// <summary>
/// What a command group needs to build its commands: the host to run against, the global
/// options and the help examples. Every action goes through <see cref="SetAction"/>, so error handling and exit codes
/// are the same for every command, including groups added later.
/// </summary>
public sealed class CommandServices(CliHost host, GlobalOptions global, CommandExamples examples)
{
    public CliHost Host { get; } = host;

    public GlobalOptions Global { get; } = global;

    public CommandExamples Examples { get; } = examples;

    /// <summary>Registers the examples shown at the end of <paramref name="command"/>'s help, and returns it.</summary>
    public Command WithExamples(Command command, params string[] examples)
    {
        Examples.Add(command, examples);
        return command;
    }

    /// <param name="gms">The command's GMS options, when it talks to DataHub GMS (see <see cref="Invocation.Gms"/>).</param>
    public void SetAction(Command command, Func<Invocation, CancellationToken, Task<int>> action, GmsOptions? gms = null) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var invocation = new Invocation(parseResult, Host, Global, gms);
            try
            {
                return await action(invocation, cancellationToken);
            }
            catch (Exception ex)
            {
                return new ErrorReporter(Host.Error, invocation.Verbose).Report(ex, invocation.ResolvedSettings);
            }
        });
}
