using System.Text.Json;
using Spectre.Console;

namespace DHub.Cli.Output;

/// <summary>
/// Where a command writes: tables and text through Spectre.Console, or JSON straight to stdout
/// (not through Spectre, which would wrap long lines), and warnings to stderr.
/// </summary>
public sealed class CliOutput(CliHost host, bool json)
{
    private IAnsiConsole? _console;

    public bool Json { get; } = json;

    /// <summary>A person is watching stdout and it carries no JSON: live displays are welcome.</summary>
    public bool IsLive => host.OutputIsTerminal && !Json;

    public IAnsiConsole Console => _console ??= host.CreateConsole();

    public void WriteJson<T>(T value) => host.Out.WriteLine(JsonSerializer.Serialize(value, JsonOutput.Options));

    public void WriteLine(string text) => Console.Write(new Text(text + Environment.NewLine));

    public void Write(Spectre.Console.Rendering.IRenderable renderable) => Console.Write(renderable);

    /// <summary>A problem that does not end the command (one database of several failed).</summary>
    public void Warn(string message) => host.Error.WriteLine($"warning: {message}");
}
