using System.Diagnostics;

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

    public bool IsAvailable() => Answers("docker") || Answers("podman");

    private bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            // Drain the pipes so a chatty `info` cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
