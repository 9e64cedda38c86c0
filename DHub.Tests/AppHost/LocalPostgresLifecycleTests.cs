using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Tests.AppHost;

/// <summary>Local mode starts from nothing, keeps a configured data directory, and leaves no server behind.</summary>
[Integration]
public sealed class LocalPostgresLifecycleTests
{
    [Fact]
    public async Task Stopping_the_app_stops_postgres_and_removes_the_fresh_cluster()
    {
        LocalPostgresCluster cluster;
        await using (var app = await StartLocalAsync())
        {
            cluster = AppHostFactory.LocalClusterOf(app);
            Assert.True(cluster.IsEphemeral);
            Assert.NotEmpty(PostgresProcessesUsing(cluster.DataDirectory));

            await app.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Empty(PostgresProcessesUsing(cluster.DataDirectory));
        Assert.False(Directory.Exists(cluster.DataDirectory));
    }

    [Fact]
    public async Task A_configured_data_directory_is_reused_and_the_init_scripts_are_skipped()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"dhub-test-pgdata-{Guid.NewGuid():N}");
        try
        {
            await using (var first = await StartLocalAsync($"DHub:Postgres:DataDir={dataDirectory}"))
            {
                await ExecuteAsync(first, "CREATE SCHEMA lifecycle; CREATE TABLE lifecycle.kept_between_runs (id int); INSERT INTO lifecycle.kept_between_runs VALUES (7)");
                await first.StopAsync(TestContext.Current.CancellationToken);
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));
            Assert.Empty(PostgresProcessesUsing(dataDirectory));

            await using var second = await StartLocalAsync($"DHub:Postgres:DataDir={dataDirectory}");
            // Had the scripts run again, CREATE DATABASE would have failed or the table would be gone.
            Assert.Equal(7, await ExecuteAsync(second, "SELECT id FROM lifecycle.kept_between_runs"));
            await second.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Stop_from_the_dashboard_shuts_postgres_down_cleanly_so_the_next_start_needs_no_recovery()
    {
        var ct = TestContext.Current.CancellationToken;
        // The server logs to stderr; the AppHost logs each such line as an error of the resource's category.
        var logs = new FakeLoggerProvider();
        await using var app = await StartLocalAsync(builder => builder.Services.AddLogging(logging => logging.AddProvider(logs)));
        IReadOnlyList<string> ServerLog() => [.. logs.Collector.Lines().Where(l => l.Contains($" {ServerLogCategory}: ", StringComparison.Ordinal))];

        // An open session: a smart shutdown waits for it, so only a fast shutdown ends before the supervisor's SIGKILL.
        await using (var session = new NpgsqlConnection(await app.GetConnectionStringAsync(DemoDatabaseNames.ResourceName(DemoDatabases.Employees), ct)))
        {
            await session.OpenAsync(ct);
            var commands = app.Services.GetRequiredService<ResourceCommandService>();
            var stopped = await commands.ExecuteCommandAsync(DemoPostgresBuilderExtensions.ServerName, KnownResourceCommands.StopCommand, ct);
            Assert.True(stopped.Success, stopped.Message);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(AppHostFactory.StartTimeout);
            await app.ResourceNotifications.WaitForResourceAsync(
                DemoPostgresBuilderExtensions.ServerName, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);

            var started = await commands.ExecuteCommandAsync(DemoPostgresBuilderExtensions.ServerName, KnownResourceCommands.StartCommand, ct);
            Assert.True(started.Success, started.Message);
            while (!(StartsIn(ServerLog()) >= 2 && LastStart(ServerLog()).Any(l => l.Contains(ReadyLine, StringComparison.Ordinal))))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }

        var lines = ServerLog();
        var restart = LastStart(lines);
        var stop = lines.Take(lines.Count - restart.Count).ToList();
        Assert.Contains(stop, l => l.Contains("received fast shutdown request", StringComparison.Ordinal));
        Assert.Contains(restart, l => l.Contains("database system was shut down at", StringComparison.Ordinal));
        Assert.DoesNotContain(restart, l => l.Contains("database system was interrupted", StringComparison.Ordinal));
        Assert.DoesNotContain(restart, l => l.Contains("automatic recovery in progress", StringComparison.Ordinal));
        await app.StopAsync(ct);
    }

    private const string ServerLogCategory = $"DHub.AppHost.Resources.{DemoPostgresBuilderExtensions.ServerName}";
    private const string StartLine = "starting PostgreSQL";
    private const string ReadyLine = "database system is ready to accept connections";

    private static int StartsIn(IReadOnlyList<string> lines) => lines.Count(l => l.Contains(StartLine, StringComparison.Ordinal));

    /// <summary>The server's log from its last start on.</summary>
    private static List<string> LastStart(IReadOnlyList<string> lines)
    {
        var last = lines.ToList().FindLastIndex(l => l.Contains(StartLine, StringComparison.Ordinal));
        return last < 0 ? [] : [.. lines.Skip(last)];
    }

    private static Task<DistributedApplication> StartLocalAsync(params string[] settings) => StartLocalAsync(_ => { }, settings);

    private static async Task<DistributedApplication> StartLocalAsync(Action<IDistributedApplicationTestingBuilder> configure, params string[] settings)
    {
        var builder = await AppHostFactory.CreateAsync(["DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0.01", .. settings]);
        configure(builder);
        var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(DemoDatabaseNames.ResourceName(DemoDatabases.Employees), timeout.Token);
        return app;
    }

    private static async Task<object?> ExecuteAsync(DistributedApplication app, string sql)
    {
        await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync(DemoDatabaseNames.ResourceName(DemoDatabases.Employees), TestContext.Current.CancellationToken));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Processes whose command line names the data directory: the postmaster and its runuser wrapper.</summary>
    private static List<int> PostgresProcessesUsing(string dataDirectory) =>
        Directory.GetDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(dataDirectory, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false; // the process ended while we looked
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .ToList();
}
