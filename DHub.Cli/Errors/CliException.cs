namespace DHub.Cli.Errors;

/// <summary>
/// A failure the CLI has already put into words: <see cref="Exception.Message"/> is the one line
/// printed on stderr and <see cref="ExitCode"/> the process exit code.
/// </summary>
public sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CliException InvalidInput(string message, Exception? inner = null) => new(ExitCodes.InvalidInput, message, inner);

    public static CliException Failed(string message, Exception? inner = null) => new(ExitCodes.Failed, message, inner);
}
