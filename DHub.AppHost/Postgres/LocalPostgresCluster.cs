using System.Net;
using System.Net.Sockets;

namespace DHub.AppHost.Postgres;

/// <summary>
/// The data directory and process settings of a Local-mode server: where it lives, which port it
/// listens on, which OS user owns it, and how to create and stop it.
/// </summary>
public sealed class LocalPostgresCluster
{
    private const string ServiceUser = "postgres";

    public LocalPostgresCluster(LocalPostgresBinaries binaries, string? dataDirectory, int? port)
    {
        Binaries = binaries;
        IsEphemeral = string.IsNullOrWhiteSpace(dataDirectory);
        // A fresh cluster lives in its own folder under /tmp so the postgres user can reach it
        // (a root-owned home directory would not be traversable) and so stopping can remove it whole.
        DataDirectory = IsEphemeral
            ? Path.Combine(Path.GetTempPath(), $"dhub-postgres-{Guid.NewGuid():N}", "data")
            : Path.GetFullPath(dataDirectory!);
        Port = port ?? FindFreeLoopbackPort();
        RunAsUser = OsCommand.IsRoot ? ServiceUser : null;
        (Command, Arguments) = OsCommand.As(RunAsUser, binaries.Postgres,
            "-D", DataDirectory,
            "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: no socket file to place in a directory we may not own.
            "-c", "unix_socket_directories=",
            // Seeding commits the six databases atomically with two-phase commit.
            "-c", "max_prepared_transactions=16",
            // PostgreSQL logs to stderr, which the dashboard shows as errors: keep it to real warnings.
            "-c", "log_min_messages=warning");
    }

    public LocalPostgresBinaries Binaries { get; }

    /// <summary>The server's current directory: the binaries' folder, which always exists and which it never writes.</summary>
    public string WorkingDirectory => Binaries.Directory;

    /// <summary>What this cluster owns on disk: the whole temp folder when ephemeral, else just the data directory.</summary>
    private string OwnedDirectory => IsEphemeral ? Path.GetDirectoryName(DataDirectory)! : DataDirectory;

    public string DataDirectory { get; }

    public bool IsEphemeral { get; }

    public int Port { get; }

    /// <summary>The OS user the server runs as; null when we are not root and run it as ourselves.</summary>
    public string? RunAsUser { get; }

    public string Command { get; }

    public string[] Arguments { get; }

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>Runs <c>initdb</c> unless the data directory already holds a cluster.</summary>
    /// <returns>true when a new cluster was created.</returns>
    public async Task<bool> EnsureInitializedAsync(string password, CancellationToken cancellationToken)
    {
        if (IsInitialized)
        {
            return false;
        }

        Directory.CreateDirectory(DataDirectory);
        var secrets = Directory.CreateTempSubdirectory("dhub-initdb-");
        try
        {
            var passwordFile = Path.Combine(secrets.FullName, "pwfile");
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            if (RunAsUser is not null)
            {
                // .NET has no chown; the data directory and password file must belong to the server's user.
                await OsCommand.RunAsync(null, "chown", ["-R", $"{RunAsUser}:", secrets.FullName, OwnedDirectory], cancellationToken);
            }

            await OsCommand.RunAsync(RunAsUser, Binaries.InitDb,
                ["-D", DataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                 "--encoding=UTF8", "--locale=C", "--no-instructions"],
                cancellationToken);
            return true;
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Waits until a previous server of this data directory has exited. A dashboard Stop signals the
    /// process and returns at once; starting again before the old postmaster is gone would fail on
    /// its lock file.
    /// </summary>
    public async Task WaitForPreviousServerToExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        var deadline = DateTime.UtcNow + timeout;
        while (File.Exists(pidFile) && DateTime.UtcNow < deadline)
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (!int.TryParse(firstLine, out var pid) || !Directory.Exists($"/proc/{pid}"))
            {
                return; // a stale lock file; PostgreSQL removes it itself
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Fast shutdown (rolls back open transactions, disconnects clients), then removes an ephemeral cluster.</summary>
    public void Stop()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                OsCommand.RunAsync(RunAsUser, Binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped (pg_ctl reports "no server running"); nothing to do.
            }
        }

        if (IsEphemeral && Directory.Exists(OwnedDirectory))
        {
            Directory.Delete(OwnedDirectory, recursive: true);
        }
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
