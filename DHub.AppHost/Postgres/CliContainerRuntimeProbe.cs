using System.Diagnostics;
using System.Globalization;

namespace DHub.AppHost.Postgres;

/// <summary>
/// Asks <c>docker info</c>, then <c>podman info</c>. The client alone is not enough: a Docker CLI
/// without a running engine is common (and is what CI has), and only <c>info</c> talks to the engine.
/// </summary>
public sealed class CliContainerRuntimeProbe(TimeSpan timeout) : IContainerRuntimeProbe
{
    public CliContainerRuntimeProbe() : this(TimeSpan.FromSeconds(5))
    {
    }

    public bool IsAvailable() => Run("docker", "info") is not null || Run("podman", "info") is not null;

    public long? MemoryBytes()
    {
        var answer = Run("docker", "info --format {{.MemTotal}}") ?? Run("podman", "info --format {{.Host.MemTotal}}");
        return long.TryParse(answer?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
    }

    /// <returns>The standard output when the command succeeded in time; otherwise null.</returns>
    private string? Run(string runtime, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            // Drain the pipes so a chatty `info` cannot block on a full buffer.
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return process.ExitCode == 0 ? output.GetAwaiter().GetResult() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
