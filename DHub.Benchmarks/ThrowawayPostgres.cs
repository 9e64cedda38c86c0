using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>
/// A PostgreSQL server of our own for one benchmark run: <c>initdb</c> into a fresh folder under
/// /tmp, started on a free loopback port with the settings Local mode uses, stopped and deleted at
/// the end. When we are root the programs run as the <c>postgres</c> OS user (they refuse root).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    /// <summary>The server settings of the AppHost's Local mode (LocalPostgresCluster), so the figures are the ones a user gets.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> LocalModeSettings =
    [
        new("listen_addresses", "127.0.0.1"),
        new("unix_socket_directories", ""),
        new("max_prepared_transactions", "16"),
        new("log_min_messages", "warning"),
    ];

    private readonly string _root;
    private readonly string? _runAs;
    private readonly string _binaries;
    private bool _started;

    private ThrowawayPostgres(string binaries, string root, int port, string password)
    {
        _binaries = binaries;
        _root = root;
        _runAs = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows() ? ServiceUser : null;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>Superuser connection to the maintenance database.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A folder the server may write files into (server-side <c>COPY ... TO</c>).</summary>
    public string ServerFilesDirectory => Path.Combine(_root, "files");

    private string LogFile => Path.Combine(_root, "server.log");

    /// <exception cref="InvalidOperationException">No PostgreSQL server binaries are installed, or a program failed.</exception>
    public static async Task<ThrowawayPostgres> StartAsync(IReadOnlyList<KeyValuePair<string, string>> extraSettings, CancellationToken cancellationToken)
    {
        var binaries = FindBinaries()
            ?? throw new InvalidOperationException("No PostgreSQL server found (postgres, initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin). Install it or pass --connection.");
        var root = Path.Combine(Path.GetTempPath(), $"dhub-bench-{Guid.NewGuid():N}");
        var server = new ThrowawayPostgres(binaries, root, FindFreeLoopbackPort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        try
        {
            await server.InitializeAsync([.. LocalModeSettings, .. extraSettings], cancellationToken);
            await server.RunAsync(Path.Combine(binaries, "pg_ctl"),
                ["start", "-D", server.DataDirectory, "-l", server.LogFile, "-w", "-t", "60", "-o", $"-p {server.Port}"], cancellationToken);
            server._started = true;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(IReadOnlyList<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(ServerFilesDirectory);
        var passwordFile = Path.Combine(_root, "pwfile");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        await File.WriteAllTextAsync(passwordFile, builder.Password, cancellationToken);
        if (_runAs is not null)
        {
            // .NET has no chown; everything under the root folder must belong to the server's user.
            await RunAsync(null, "chown", ["-R", $"{_runAs}:", _root], cancellationToken);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C", "--no-instructions"],
            cancellationToken);
        File.Delete(passwordFile);

        // Appending keeps the file's owner; later lines win over initdb's defaults.
        var lines = settings.Select(s => $"{s.Key} = '{s.Value.Replace("'", "''", StringComparison.Ordinal)}'");
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"), ["", "# DHub benchmark", .. lines], cancellationToken);
    }

    /// <summary>The postmaster's process id, for CPU accounting.</summary>
    public int? PostmasterPid
    {
        get
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
            }
            catch (InvalidOperationException ex)
            {
                await Console.Error.WriteLineAsync($"Stopping the throwaway server failed: {ex.Message}");
            }

            _started = false;
        }

        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(_runAs, program, arguments, cancellationToken);

    private static async Task RunAsync(string? user, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(user is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            foreach (var arg in new[] { "-u", user, "--", program })
            {
                startInfo.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in arguments)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{program}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(program)}' exited with code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }

    /// <summary>PATH first, then the newest <c>/usr/lib/postgresql/*/bin</c> (Debian installs the server off PATH).</summary>
    private static string? FindBinaries()
    {
        static bool HasServer(string dir) => new[] { "postgres", "initdb", "pg_ctl" }.All(p => File.Exists(Path.Combine(dir, p)));

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServer(dir))
            {
                // PATH often holds symlinks (/usr/local/bin/postgres); pg_ctl must sit beside the real postgres.
                var target = new FileInfo(Path.Combine(dir, "postgres")).ResolveLinkTarget(returnFinalTarget: true);
                var real = target is null ? dir : Path.GetDirectoryName(target.FullName)!;
                return HasServer(real) ? real : dir;
            }
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServer)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
