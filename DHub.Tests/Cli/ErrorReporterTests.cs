using DHub.Cli;
using DHub.Cli.Errors;

namespace DHub.Tests.Cli;

/// <summary>An exception nobody expected (a bug) still ends a command with exit code 1 and one line; the trace is for --verbose.</summary>
public sealed class ErrorReporterTests
{
    [Fact]
    public void An_unexpected_exception_is_one_line_and_exit_code_1_without_a_stack_trace()
    {
        using var error = new StringWriter();

        var exitCode = new ErrorReporter(error, verbose: false).Report(Thrown(), settings: null);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal(
            $"error: Unexpected KeyNotFoundException: The generator looked up an id nobody recorded. (run with --verbose for details){Environment.NewLine}",
            error.ToString());
    }

    [Fact]
    public void With_verbose_an_unexpected_exception_also_shows_its_stack_trace()
    {
        using var error = new StringWriter();

        var exitCode = new ErrorReporter(error, verbose: true).Report(Thrown(), settings: null);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains($"{typeof(KeyNotFoundException).FullName}: The generator looked up an id nobody recorded.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"at {typeof(ErrorReporterTests).FullName}.{nameof(Thrown)}(", error.ToString(), StringComparison.Ordinal);
    }

    private static KeyNotFoundException Thrown()
    {
        try
        {
            throw new KeyNotFoundException("The generator looked up an id nobody recorded.\nSecond line of detail.");
        }
        catch (KeyNotFoundException ex)
        {
            return ex;
        }
    }
}
