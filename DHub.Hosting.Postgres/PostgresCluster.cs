using System.Globalization;

namespace DHub.Hosting.Postgres;

/// <summary>
/// One PostgreSQL data directory and the installed programs that manage it: <c>initdb</c> creates
/// it, <c>postgres</c> serves it, <c>pg_ctl</c> starts and stops it. When we are root, every program
/// runs as the <c>postgres</c> OS user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster
{
    /// <summary>The database superuser initdb creates.</summary>
    internal const string Superuser = "postgres";

    private const string ServiceUser = "postgres";

    /// <summary>
    /// Runs the server command line given as arguments and turns SIGTERM or SIGINT into a fast shutdown
    /// (SIGINT to the postmaster), then waits for the server to exit and exits with its code. PostgreSQL
    /// takes SIGTERM as a smart shutdown, which waits for every client to disconnect: a supervisor that
    /// stops with SIGTERM (DCP) would give up and SIGKILL it, leaving crash recovery for the next start.
    /// The trap comes first so a signal that arrives during start-up is not lost.
    /// </summary>
    private const string FastShutdownWrapper = """
        trap 'kill -INT "$server" 2>/dev/null' TERM INT
        "$@" &
        server=$!
        wait "$server"
        status=$?
        while kill -0 "$server" 2>/dev/null; do
          wait "$server"
          status=$?
        done
        exit "$status"
        """;

    /// <summary>What the server's OS user must own: the data directory, or a folder around it.</summary>
    private readonly string _ownedDirectory;

    /// <summary>The OS user the programs run as; null when we are not root and run them as ourselves.</summary>
    private readonly string? _runAsUser = OsCommand.IsRoot ? ServiceUser : null;

    /// <param name="ownedDirectory">
    /// A folder that holds <paramref name="dataDirectory"/> and whatever else the server writes (a log,
    /// exported files), to hand to the server's OS user as a whole; by default just the data directory.
    /// </param>
    public PostgresCluster(PostgresBinaries binaries, string dataDirectory, string? ownedDirectory = null)
    {
        Binaries = binaries;
        DataDirectory = dataDirectory;
        _ownedDirectory = ownedDirectory ?? dataDirectory;
    }

    public PostgresBinaries Binaries { get; }

    public string DataDirectory { get; }

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>The running postmaster's process id from its lock file; null when there is no lock file.</summary>
    internal int? PostmasterPid
    {
        get
        {
            var pidFile = PidFile;
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
    }

    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>
    /// Runs <c>initdb</c> unless the data directory already holds a cluster: superuser <c>postgres</c>
    /// with <paramref name="superuserPassword"/>, scram-sha-256 for every connection, UTF-8 and the C locale.
    /// </summary>
    /// <returns>true when a new cluster was created.</returns>
    public async Task<bool> EnsureInitializedAsync(string superuserPassword, CancellationToken cancellationToken)
    {
        if (IsInitialized)
        {
            return false;
        }

        Directory.CreateDirectory(DataDirectory);
        // The password goes through a file so it never appears on a command line (visible in /proc).
        var secrets = Directory.CreateTempSubdirectory("dhub-initdb-");
        try
        {
            var passwordFile = Path.Combine(secrets.FullName, "pwfile");
            await File.WriteAllTextAsync(passwordFile, superuserPassword, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            if (_runAsUser is not null)
            {
                // .NET has no chown; the data directory and password file must belong to the server's user.
                await OsCommand.RunAsync(null, "chown", ["-R", $"{_runAsUser}:", secrets.FullName, _ownedDirectory], cancellationToken);
            }

            await OsCommand.RunAsync(_runAsUser, Binaries.InitDb,
                ["-D", DataDirectory, "-U", Superuser, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
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
    /// The command line of a server in the foreground on <paramref name="port"/> with the standard
    /// settings, for a supervisor that runs it as its own child process (Aspire's DCP) and stops it
    /// with SIGTERM: that becomes a fast shutdown which completes, never a crash.
    /// </summary>
    public (string FileName, string[] Arguments) ServerCommandLine(int port)
    {
        var (program, arguments) = OsCommand.ExecAs(_runAsUser, Binaries.Postgres,
            ["-D", DataDirectory, "-p", port.ToString(CultureInfo.InvariantCulture), .. PostgresServerSettings.AsArguments(PostgresServerSettings.Standard)]);
        return ("bash", ["-c", FastShutdownWrapper, "postgres", program, .. arguments]);
    }

    /// <summary>Appends settings to <c>postgresql.conf</c>; later lines win over initdb's defaults, and appending keeps the file's owner.</summary>
    internal Task AppendSettingsAsync(IEnumerable<KeyValuePair<string, string>> settings, CancellationToken cancellationToken) =>
        File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            ["", "# DHub", .. PostgresServerSettings.AsConfigLines(settings)], cancellationToken);

    /// <summary>Starts the server in the background on <paramref name="port"/> and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">It did not start; the message holds the server's log.</exception>
    internal async Task StartAsync(int port, string logFile, CancellationToken cancellationToken)
    {
        try
        {
            await OsCommand.RunAsync(_runAsUser, Binaries.PgCtl,
                ["start", "-D", DataDirectory, "-l", logFile, "-w", "-t", "60", "-o", $"-p {port.ToString(CultureInfo.InvariantCulture)}"],
                cancellationToken);
        }
        catch (InvalidOperationException ex) when (File.Exists(logFile))
        {
            // pg_ctl only says "examine the log output"; the reason is in the log.
            throw new InvalidOperationException($"{ex.Message}\n{await File.ReadAllTextAsync(logFile, cancellationToken)}", ex);
        }
    }

    /// <summary>
    /// Fast shutdown (rolls back open transactions, disconnects clients), waiting up to
    /// <paramref name="timeout"/> for the server to exit. Does nothing without a lock file.
    /// </summary>
    /// <exception cref="InvalidOperationException">pg_ctl failed, e.g. "no server running" for a stale lock file.</exception>
    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (File.Exists(PidFile))
        {
            await OsCommand.RunAsync(_runAsUser, Binaries.PgCtl,
                ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
                cancellationToken);
        }
    }

    /// <summary>
    /// Waits until a server of this data directory that someone else stopped has exited. Stopping
    /// by signal returns at once; starting again before the old postmaster is gone would fail on its
    /// lock file.
    /// </summary>
    public async Task WaitForServerToExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (File.Exists(PidFile) && DateTime.UtcNow < deadline)
        {
            if (PostmasterPid is not { } pid || !Directory.Exists($"/proc/{pid}"))
            {
                return; // a stale lock file; PostgreSQL removes it itself
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
