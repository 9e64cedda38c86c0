using System.Diagnostics;

namespace DHub.Hosting.Postgres;

/// <summary>
/// Runs a short-lived program, optionally as another OS user through <c>runuser</c>. PostgreSQL's
/// programs refuse to run as root, and CI (like many containers) runs as root.
/// </summary>
internal static class OsCommand
{
    public static bool IsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    /// <summary>The command line that runs <paramref name="program"/> as <paramref name="user"/> (or as ourselves when null).</summary>
    public static (string FileName, string[] Arguments) As(string? user, string program, params string[] arguments) =>
        user is null ? (program, arguments) : ("runuser", ["-u", user, "--", program, .. arguments]);

    /// <summary>
    /// The command line that becomes <paramref name="program"/> running as <paramref name="user"/>, for a long-running
    /// server: <c>setpriv</c> replaces itself with the program, where <c>runuser</c> would stay as its parent and turn a
    /// SIGTERM into a SIGKILL two seconds later.
    /// </summary>
    public static (string FileName, string[] Arguments) ExecAs(string? user, string program, params string[] arguments) =>
        user is null ? (program, arguments) : ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program, .. arguments]);

    /// <exception cref="InvalidOperationException">The program exited with a non-zero code; the message holds what it wrote.</exception>
    public static async Task RunAsync(string? user, string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, args) = As(user, program, [.. arguments]);
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(program)}' exited with code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }
}
