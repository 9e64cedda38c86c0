using DHub.Hosting.Postgres;

namespace DHub.AppHost.Postgres;

/// <summary>
/// The cluster of a Local-mode server: a fresh one per run or a kept one in a configured folder,
/// the port it listens on, the command line DCP runs, and how to create and stop it.
/// </summary>
public sealed class LocalPostgresCluster
{
    private readonly PostgresCluster _cluster;

    /// <summary>What this cluster owns on disk: the whole temp folder when ephemeral, else just the data directory.</summary>
    private readonly string _ownedDirectory;

    public LocalPostgresCluster(PostgresBinaries binaries, string? dataDirectory, int? port)
    {
        IsEphemeral = string.IsNullOrWhiteSpace(dataDirectory);
        // A fresh cluster lives in its own folder under /tmp so the postgres user can reach it
        // (a root-owned home directory would not be traversable) and so stopping can remove it whole.
        var data = IsEphemeral
            ? Path.Combine(Path.GetTempPath(), $"dhub-postgres-{Guid.NewGuid():N}", "data")
            : Path.GetFullPath(dataDirectory!);
        _ownedDirectory = IsEphemeral ? Path.GetDirectoryName(data)! : data;
        _cluster = new PostgresCluster(binaries, data, _ownedDirectory);
        Port = port ?? LoopbackPort.FindFree();
        (Command, Arguments) = _cluster.ServerCommandLine(Port);
    }

    public PostgresBinaries Binaries => _cluster.Binaries;

    /// <summary>The server's current directory: the binaries' folder, which always exists and which it never writes.</summary>
    public string WorkingDirectory => Binaries.Directory;

    public string DataDirectory => _cluster.DataDirectory;

    public bool IsEphemeral { get; }

    public int Port { get; }

    public string Command { get; }

    public string[] Arguments { get; }

    public bool IsInitialized => _cluster.IsInitialized;

    /// <summary>Runs <c>initdb</c> unless the data directory already holds a cluster.</summary>
    /// <returns>true when a new cluster was created.</returns>
    public Task<bool> EnsureInitializedAsync(string password, CancellationToken cancellationToken) =>
        _cluster.EnsureInitializedAsync(password, cancellationToken);

    /// <summary>
    /// Waits until a previous server of this data directory has exited. A dashboard Stop signals the
    /// process and returns at once; starting again before the old postmaster is gone would fail on
    /// its lock file.
    /// </summary>
    public Task WaitForPreviousServerToExitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _cluster.WaitForServerToExitAsync(timeout, cancellationToken);

    /// <summary>Fast shutdown (rolls back open transactions, disconnects clients), then removes an ephemeral cluster.</summary>
    public void Stop()
    {
        try
        {
            // Synchronous: it runs in an ApplicationStopped callback, and the AppHost must not exit before the server is gone.
            _cluster.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (pg_ctl reports "no server running"); nothing to do.
        }

        if (IsEphemeral && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }
}
