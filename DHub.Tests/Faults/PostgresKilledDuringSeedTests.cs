using System.Diagnostics;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Faults;

/// <summary>
/// Issue #7 §1: PostgreSQL dies (SIGKILL of the postmaster, Local mode) while the seeder of a
/// running app is loading. The seeder must fail cleanly, nothing half-loaded may survive the
/// restart, and a re-seed must work.
/// </summary>
[Collection(OwnServersCollection.Name)]
[Faults]
public sealed partial class PostgresKilledDuringSeedTests
{
    private const string Observer = "dhub-fault-observer";

    private static CancellationToken Token => FaultSupport.Token;

    [Fact]
    public async Task Killing_postgres_mid_seed_fails_the_seeder_cleanly_and_a_reseed_after_restart_is_atomic_and_consistent()
    {
        // Scale 3 keeps the seeder loading for several seconds. The cluster is the default ephemeral
        // one: it lives until the app stops, so it survives the kill (checked below).
        await using var own = await OwnApp.StartAsync("DHub:Seed:Scale=3");
        var cluster = own.Cluster;
        var observer = FaultSupport.WithApplicationName(own.ConnectionStrings, Observer);
        var admin = observer[DemoDatabases.Employees];

        // 1. Wait until the seeder is visibly loading: a COPY in progress on the server. One connection
        //    polled often: a COPY of a small table lasts only a moment.
        await using (var watch = new NpgsqlConnection(admin))
        {
            await watch.OpenAsync(Token);
            await using var copying = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY public.%' AND pid <> pg_backend_pid()", watch);
            await FaultSupport.WaitUntilAsync(async () =>
                {
                    if ((long)(await copying.ExecuteScalarAsync(Token))! > 0)
                    {
                        return true;
                    }

                    var seeder = own.CurrentState("seeder").Snapshot;
                    Assert.False(KnownResourceStates.TerminalStates.Contains(seeder.State?.Text),
                        $"the seeder ended ({seeder.State?.Text}, exit code {seeder.ExitCode}) before any COPY was seen:\n{own.LogTextOf("seeder")}");
                    return false;
                },
                TimeSpan.FromMinutes(3), "the seeder to start a COPY", TimeSpan.FromMilliseconds(20));
        }

        // 2. SIGKILL the postmaster (no shutdown of any kind), remembering its children to see them go.
        var postmaster = ProcessTable.PostmasterPid(cluster.DataDirectory);
        var children = ProcessTable.ChildrenOf(postmaster);
        using (var process = Process.GetProcessById(postmaster))
        {
            process.Kill();
        }

        // 3. The seeder fails: non-zero exit, shown as a terminal state in the app model (what the dashboard shows).
        var seeder = await own.WaitForTerminalAsync("seeder", TimeSpan.FromMinutes(2));
        Assert.NotNull(seeder.Snapshot.ExitCode);
        Assert.NotEqual(0, seeder.Snapshot.ExitCode);
        Assert.Contains(seeder.Snapshot.State?.Text, KnownResourceStates.TerminalStates);
        Assert.NotEqual(KnownResourceStates.Running, own.CurrentState("api").Snapshot.State?.Text);

        // Its log says so in exactly one clear error line, without a stack trace.
        await FaultSupport.WaitUntilAsync(() => own.LogsOf("seeder").Any(l => l.Content.Contains("Seeding failed", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the seeder's failure line");
        await WaitForQuietLogAsync(own, "seeder");
        var log = own.LogsOf("seeder");
        var failures = log.Where(l => l.Content.Contains("Seeding failed", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 1, $"expected one 'Seeding failed' line, got {failures.Count}:\n{own.LogTextOf("seeder")}");
        Assert.Contains("keeps its previous contents", failures[0].Content, StringComparison.Ordinal);
        var stackTrace = log.Where(l => StackFrame().IsMatch(l.Content) || l.Content.Contains("--- End of", StringComparison.Ordinal)).ToList();
        Assert.True(stackTrace.Count == 0, $"the seeder logged a stack trace:\n{own.LogTextOf("seeder")}");
        Assert.DoesNotContain(log, l => l.Content.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || l.Content.Contains("BackgroundService failed", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Seeder state {seeder.Snapshot.State?.Text}, exit code {seeder.Snapshot.ExitCode}; its log after the kill:\n" +
            string.Join('\n', log.SkipWhile(l => !l.Content.Contains("warn", StringComparison.Ordinal) && !l.Content.Contains("fail", StringComparison.Ordinal)).Select(l => l.Content)));

        // 4. Nothing of the old server remains; the ephemeral cluster survived the kill.
        await FaultSupport.WaitUntilAsync(() => !ProcessTable.Exists(postmaster) && children.All(pid => !ProcessTable.IsAlive(pid)),
            TimeSpan.FromSeconds(60), "the killed server's processes to exit");
        Assert.True(cluster.IsInitialized, "the data directory did not survive the kill");
        await own.WaitForTerminalAsync("postgres", TimeSpan.FromSeconds(60));

        // 5. Restart postgres the way the dashboard does, and wait until it answers.
        var started = await own.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand, Token);
        Assert.True(started.Success, started.Message);
        await FaultSupport.WaitUntilAsync(() => FaultSupport.CanConnectAsync(admin), TimeSpan.FromMinutes(2), "postgres to accept connections after the restart");
        await own.WaitForAsync("postgres", e => e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, TimeSpan.FromMinutes(1));

        // 6. Atomicity: the first seed never committed, so every database holds its previous contents: nothing.
        var afterCrash = await DatabaseSnapshot.TakeAsync(observer);
        Assert.Equal(34, afterCrash.Tables.Count);
        Assert.True(afterCrash.TotalRows == 0,
            $"half-loaded data survived the crash: {string.Join(", ", afterCrash.Tables.Where(t => t.Value.Rows > 0).Select(t => $"{t.Key}={t.Value.Rows}"))}");
        Assert.Equal(0, await FaultSupport.PreparedTransactionCountAsync(admin));
        foreach (var database in DemoDatabases.All)
        {
            await using var connection = new NpgsqlConnection(observer[database]);
            await connection.OpenAsync(Token);
            Assert.True(await DHub.Core.Seeding.SeedRunLog.ReadLatestAsync(connection, Token) is null, $"{database} records a run that never committed");
        }

        // 7. Re-seed from the dashboard command: the seeder runs again and succeeds.
        var reseed = await own.RunAgainAsync("seeder", async () =>
        {
            var result = await own.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ReseedCommand, Token);
            Assert.True(result.Success, result.Message);
        }, TimeSpan.FromMinutes(5));
        Assert.True(reseed.Snapshot.ExitCode == 0, $"the re-seed exited with {reseed.Snapshot.ExitCode}:\n{own.LogTextOf("seeder")}");

        // 8. The new contents are one complete, consistent run, and no prepared transaction is left.
        await using (var scope = own.CreateOperations(Observer))
        {
            await FaultSupport.AssertConsistentAsync(scope.Operations, observer);
            var status = await scope.Operations.GetStatusAsync(Token);
            Assert.Equal(3.0, status.LastRun!.Scale);
        }

        Assert.Equal(0, await FaultSupport.PreparedTransactionCountAsync(admin));

        // 9. Stopping the app leaves no server process and removes the ephemeral cluster.
        var restartedPostmaster = ProcessTable.PostmasterPid(cluster.DataDirectory);
        var restartedChildren = ProcessTable.ChildrenOf(restartedPostmaster);
        await own.App.StopAsync(Token);
        Assert.False(ProcessTable.IsAlive(restartedPostmaster));
        Assert.All(restartedChildren, pid => Assert.False(ProcessTable.IsAlive(pid)));
        Assert.Empty(ProcessTable.WithCommandLineContaining(cluster.DataDirectory));
        Assert.False(Directory.Exists(cluster.DataDirectory));
    }

    /// <summary>Logs arrive after the exit; wait until none has arrived for a couple of seconds.</summary>
    private static async Task WaitForQuietLogAsync(OwnApp own, string resource)
    {
        var count = -1;
        await FaultSupport.WaitUntilAsync(() =>
        {
            var now = own.LogsOf(resource).Count;
            var quiet = now == count;
            count = now;
            return quiet;
        }, TimeSpan.FromSeconds(30), $"the {resource} log to settle", TimeSpan.FromSeconds(2));
    }

    [GeneratedRegex(@"\bat [^\s(]+\(")]
    private static partial Regex StackFrame();
}
