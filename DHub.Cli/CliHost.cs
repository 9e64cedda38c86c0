using Spectre.Console;

namespace DHub.Cli;

/// <summary>
/// Everything the CLI takes from the process it runs in. Tests pass their own writers, environment
/// and directory, so a command runs in-process exactly as it would from a shell.
/// </summary>
/// <param name="Out">Results: tables, or JSON with <c>--json</c>.</param>
/// <param name="Error">Errors, warnings and hints; never results.</param>
/// <param name="GetEnvironmentVariable">The process environment (before the <c>.env</c> file is merged in).</param>
/// <param name="CurrentDirectory">Where the <c>.env</c> file is looked for.</param>
/// <param name="OutputIsTerminal">A person is watching stdout: live progress, colours and the terminal's width.</param>
public sealed record CliHost(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    string CurrentDirectory,
    bool OutputIsTerminal)
{
    /// <summary>
    /// Width for tables when stdout is a file or a pipe: Spectre would otherwise assume 80 columns
    /// and wrap query results that a terminal user could simply scroll.
    /// </summary>
    private const int RedirectedWidth = 240;

    public static CliHost FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected);

    /// <summary>A path the user typed, relative to <see cref="CurrentDirectory"/> (not the test host's).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(OutputIsTerminal
            ? new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) }
            : new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Out),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        if (!OutputIsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
