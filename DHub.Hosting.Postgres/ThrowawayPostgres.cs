using System.Diagnostics;
using Npgsql;

namespace DHub.Hosting.Postgres;

/// <summary>
/// A PostgreSQL server of one's own for a benchmark or a test: <c>initdb</c> into a fresh folder
/// under /tmp, started on a given loopback port with the settings of the AppHost's Local mode.
/// Disposing stops it and deletes the folder, so nothing of it outlives its user.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    // A fast shutdown still writes a checkpoint, which takes a while after a large load.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly PostgresCluster _cluster;

    /// <summary>Everything of this server on disk: its data directory, log and <see cref="ServerFilesDirectory"/>.</summary>
    private readonly string _folder;

    private ThrowawayPostgres(PostgresBinaries binaries, int port, string superuserPassword)
    {
        _folder = Path.Combine(Path.GetTempPath(), $"dhub-throwaway-{Guid.NewGuid():N}");
        _cluster = new PostgresCluster(binaries, Path.Combine(_folder, "data"), ownedDirectory: _folder);
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = PostgresCluster.Superuser,
            Password = superuserPassword,
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>Superuser connection to the maintenance database.</summary>
    public string ConnectionString { get; }

    public string DataDirectory => _cluster.DataDirectory;

    /// <summary>A folder the server may write files into (server-side <c>COPY ... TO</c>).</summary>
    public string ServerFilesDirectory => Path.Combine(_folder, "files");

    /// <summary>The postmaster's process id, for CPU accounting; null once stopped.</summary>
    public int? PostmasterPid => _cluster.PostmasterPid;

    /// <param name="extraSettings">Server settings on top of Local mode's; they win where both set one.</param>
    /// <exception cref="InvalidOperationException">initdb or pg_ctl failed; the message says why.</exception>
    public static async Task<ThrowawayPostgres> StartAsync(
        PostgresBinaries binaries, int port, string superuserPassword, IEnumerable<KeyValuePair<string, string>> extraSettings, CancellationToken cancellationToken)
    {
        var server = new ThrowawayPostgres(binaries, port, superuserPassword);
        try
        {
            // Before initdb, which hands the whole folder to the server's OS user.
            Directory.CreateDirectory(server.ServerFilesDirectory);
            await server._cluster.EnsureInitializedAsync(superuserPassword, cancellationToken);
            await server._cluster.AppendSettingsAsync([.. PostgresServerSettings.Standard, .. extraSettings], cancellationToken);
            await server._cluster.StartAsync(port, Path.Combine(server._folder, "server.log"), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown) and deletes its folder.</summary>
    /// <exception cref="InvalidOperationException">pg_ctl could not stop it; it was killed, and the folder deleted, all the same.</exception>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _cluster.StopAsync(StopTimeout, CancellationToken.None);
        }
        finally
        {
            // A lock file left means stopping failed: the server must not outlive us all the same.
            if (_cluster.PostmasterPid is { } pid)
            {
                KillPostmaster(pid);
            }

            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private static void KillPostmaster(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // The pid of a stale lock file may have gone to another program since.
            if (process.ProcessName == "postgres")
            {
                process.Kill();
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // It has exited already.
        }
    }
}
