using System.Text.Json;

namespace DHub.Tests.Cli;

/// <summary>What one in-process run of dhub produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>stdout parsed as one JSON document; fails when anything else was printed there.</summary>
    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    /// <summary>stderr's lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The run failed with exactly one line on stderr, "error: ...", and no stack trace.</summary>
    public void AssertOneLineError(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"expected exit code {exitCode}:\n{this}");
        Assert.True(ErrorLines.Count == 1, $"expected one line on stderr:\n{this}");
        Assert.StartsWith("error: ", ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }

    public void AssertSuccess() => Assert.True(ExitCode == 0 && Error.Length == 0, $"expected success:\n{this}");

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
