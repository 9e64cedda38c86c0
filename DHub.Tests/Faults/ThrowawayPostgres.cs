using System.Collections.Concurrent;
using System.Diagnostics;
using DHub.AppHost.Postgres;
using DHub.Core.Postgres;
using DHub.Core.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Tests.Faults;

/// <summary>
/// A PostgreSQL server of the test's own, outside any AppHost: a fresh cluster from the installed
/// binaries (the same <see cref="LocalPostgresCluster"/> Local mode uses) on a chosen port, with
/// the demo databases created by the init scripts. Disposing stops it and removes its folder.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly LocalPostgresCluster _cluster;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ThrowawayPostgres(LocalPostgresCluster cluster, Process process, string password)
    {
        _cluster = cluster;
        _process = process;
        ServerConnectionString = $"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Password={password}";
    }

    public string ServerConnectionString { get; }

    public string DataDirectory => _cluster.DataDirectory;

    public static string ConnectionString(int port, string password, string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database={database}";

    public static async Task<ThrowawayPostgres> StartAsync(int port, string password)
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException("No PostgreSQL server binaries are installed.");
        var cluster = new LocalPostgresCluster(binaries, dataDirectory: null, port);
        await cluster.EnsureInitializedAsync(password, FaultSupport.Token);

        var startInfo = new ProcessStartInfo(cluster.Command)
        {
            WorkingDirectory = cluster.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in cluster.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var server = new ThrowawayPostgres(cluster, process, password);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var maintenance = new NpgsqlConnectionStringBuilder(server.ServerConnectionString) { Database = "postgres" }.ConnectionString;
            await FaultSupport.WaitUntilAsync(async () =>
            {
                Assert.False(process.HasExited, $"postgres exited:\n{string.Join('\n', server._output)}");
                return await FaultSupport.CanConnectAsync(maintenance);
            }, TimeSpan.FromMinutes(1), "the throwaway postgres to accept connections");

            var scripts = InitScriptCatalog.Load(FaultSupport.InitScriptDirectory);
            await new InitScriptRunner(NullLogger<InitScriptRunner>.Instance).ApplyMissingAsync(server.ServerConnectionString, scripts, FaultSupport.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var postmaster = File.Exists(Path.Combine(_cluster.DataDirectory, "postmaster.pid")) ? ProcessTable.PostmasterPid(_cluster.DataDirectory) : (int?)null;
        try
        {
            // pg_ctl stop -m fast, then the ephemeral folder goes.
            _cluster.Stop();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            if (postmaster is { } pid && ProcessTable.IsAlive(pid))
            {
                using var stray = Process.GetProcessById(pid);
                stray.Kill();
            }

            _process.Dispose();
            var folder = Path.GetDirectoryName(_cluster.DataDirectory)!;
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
