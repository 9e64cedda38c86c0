using System.Globalization;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Tests.Faults;

/// <summary>
/// Issue #7 §1: the seeding process dies (SIGKILL) mid-run against the shared server. Runs the real
/// DHub.Seeder dll as its own process, so nothing of its shutdown or rollback code can help.
/// Every test leaves the shared databases seeded as the fixture seeded them (scale 0.1).
/// </summary>
[Collection(LocalAppCollection.Name)]
[Faults]
public sealed class SeederProcessKilledTests(LocalAppFixture fixture)
{
    private const string SeederApplication = "dhub-fault-seeder";
    private const string NextRunApplication = "dhub-fault-next-run";
    private const string ObserverApplication = "dhub-fault-observer";

    /// <summary>The seed the fault-injected run loads, different from the fixture's.</summary>
    private static readonly SeedOptions Killed = new() { Scale = 0.1, Seed = 4242, AsOf = new DateOnly(2026, 6, 30) };

    // Any constant; only the hold trigger and this test use it ("DHFault" in ASCII).
    private const long HoldKey = 0x44_4846_6175_6C74;

    private static CancellationToken Token => FaultSupport.Token;

    [Fact]
    public async Task Killing_the_seeder_mid_copy_changes_nothing_and_the_next_run_succeeds()
    {
        var plain = await ConnectionStringsAsync();
        var observer = FaultSupport.WithApplicationName(plain, ObserverApplication);
        var admin = observer[DemoDatabases.Employees];
        try
        {
            var before = await DatabaseSnapshot.TakeAsync(fixture);
            Assert.True(before.TotalRows > 0, "the shared databases should be seeded");

            await using (var seeder = StartSeeder(plain, new Dictionary<string, string> { ["DHub__Seed__Scale"] = "3" }))
            {
                await WaitWhileRunningAsync(seeder, async () => await FaultSupport.CountAsync(admin,
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND state = 'active' AND query LIKE 'COPY public.%'",
                        ("app", SeederApplication)) > 0,
                    "the seeder process to start a COPY");

                await seeder.KillAsync();
                Assert.False(ProcessTable.IsAlive(seeder.Id), "the seeder process is still there");
            }

            // Its backends notice the dead client and roll back; once they are gone nothing of it may show.
            await FaultSupport.WaitUntilAsync(async () => await FaultSupport.BackendCountAsync(admin, SeederApplication) == 0,
                TimeSpan.FromMinutes(1), "the killed seeder's backends to end");
            Assert.Empty(await FaultSupport.PreparedDhubGidsAsync(admin));
            var after = await DatabaseSnapshot.TakeAsync(fixture);
            Assert.Empty(before.TablesDifferingFrom(after));
            Assert.Equal(before.TotalRows, after.TotalRows);

            // The next run is not blocked by the dead one (its lock went with its session) and succeeds.
            await using var scope = await fixture.CreateOperationsAsync(NextRunApplication);
            var run = await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
            Assert.Equal(0, await FaultSupport.PreparedTransactionCountAsync(admin));
            await FaultSupport.AssertConsistentAsync(scope.Operations, observer);
            Assert.Equal(run.RunId, (await scope.Operations.GetStatusAsync(Token)).LastRun?.RunId);
        }
        finally
        {
            await RestoreAsync(admin);
        }
    }

    /// <summary>
    /// The seeder is held inside its commit, deterministically, by a deferred constraint trigger on
    /// dhub.seed_runs in the last database: its PREPARE TRANSACTION there waits for an advisory lock
    /// the test holds, after the five other databases are already prepared. Then the process is
    /// SIGKILLed. <paramref name="decided"/> false: the last PREPARE never happens (the run crashed
    /// during the prepare phase), so the next run must roll all five back. <paramref name="decided"/>
    /// true: the last PREPARE completes and the test does the first COMMIT PREPARED itself (the run
    /// crashed right after its commit decision), so the next run must commit the other five.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_seeder_killed_inside_its_two_phase_commit_is_finished_by_the_next_run(bool decided)
    {
        var plain = await ConnectionStringsAsync();
        var observer = FaultSupport.WithApplicationName(plain, ObserverApplication);
        var admin = observer[DemoDatabases.Employees];
        var last = DemoDatabases.All[^1];
        NpgsqlConnection? hold = null;
        try
        {
            // What a complete run of the killed run's options looks like (the same options give the same data).
            DatabaseSnapshot? killedContents = null;
            await using (var scope = await fixture.CreateOperationsAsync(NextRunApplication))
            {
                if (decided)
                {
                    await scope.Operations.SeedAsync(Killed, null, Token);
                    killedContents = await DatabaseSnapshot.TakeAsync(fixture);
                }

                await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
            }

            var before = await DatabaseSnapshot.TakeAsync(fixture);
            Assert.True(killedContents is null || killedContents.TablesDifferingFrom(before).Any(), "the two seeds should differ");

            await InstallHoldTriggerAsync(observer[last]);
            hold = new NpgsqlConnection(observer[last]);
            await hold.OpenAsync(Token);
            await ExecuteAsync(hold, $"SELECT pg_advisory_lock({HoldKey})");

            List<string> gids;
            Guid killedRunId;
            await using (var seeder = StartSeeder(plain, new Dictionary<string, string>
            {
                ["DHub__Seed__Scale"] = Killed.Scale.ToString(CultureInfo.InvariantCulture),
                ["DHub__Seed__Seed"] = Killed.Seed.ToString(CultureInfo.InvariantCulture),
                ["DHub__Seed__AsOf"] = Killed.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }))
            {
                await WaitWhileRunningAsync(seeder, async () => await FaultSupport.CountAsync(admin,
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND datname = @db AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE 'PREPARE TRANSACTION %'",
                        ("app", SeederApplication), ("db", last)) > 0,
                    $"the seeder's PREPARE TRANSACTION in {last} to wait on the hold trigger");

                // The other five databases are prepared, under one run id.
                gids = await FaultSupport.PreparedDhubGidsAsync(admin);
                Assert.Equal(DemoDatabases.All.Count - 1, gids.Count);
                killedRunId = Guid.ParseExact(gids[0].Split(':')[1], "N");
                Assert.Equal(
                    DemoDatabases.All.Take(DemoDatabases.All.Count - 1).Select(db => PreparedTransactionRecovery.Gid(killedRunId, db)).Order(StringComparer.Ordinal),
                    gids);

                await seeder.KillAsync();
                Assert.False(ProcessTable.IsAlive(seeder.Id), "the seeder process is still there");
            }

            if (decided)
            {
                // The last PREPARE completes although its client is gone; then the first COMMIT PREPARED, as the seeder does it.
                await ExecuteAsync(hold, $"SELECT pg_advisory_unlock({HoldKey})");
                await FaultSupport.WaitUntilAsync(async () => (await FaultSupport.PreparedDhubGidsAsync(admin)).Count == DemoDatabases.All.Count,
                    TimeSpan.FromMinutes(1), $"the PREPARE in {last} to complete");
                await using var first = new NpgsqlConnection(observer[DemoDatabases.Employees]);
                await first.OpenAsync(Token);
                await ExecuteAsync(first, $"COMMIT PREPARED '{PreparedTransactionRecovery.Gid(killedRunId, DemoDatabases.Employees)}'");
                Assert.Equal([DemoDatabases.Employees], await FaultSupport.DatabasesRecordingAsync(observer, killedRunId));
            }
            else
            {
                // The last database's transaction dies unprepared with its backend.
                await FaultSupport.CountAsync(admin,
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @app AND datname = @db",
                    ("app", SeederApplication), ("db", last));
            }

            await FaultSupport.WaitUntilAsync(async () => await FaultSupport.BackendCountAsync(admin, SeederApplication) == 0,
                TimeSpan.FromMinutes(1), "the killed seeder's backends to end");
            // Either way five prepared transactions are left for recovery.
            Assert.Equal(DemoDatabases.All.Count - 1, (await FaultSupport.PreparedDhubGidsAsync(admin)).Count);
            Assert.Equal(decided ? new List<string> { DemoDatabases.Employees } : [], await FaultSupport.DatabasesRecordingAsync(observer, killedRunId));
            await ReportBlockedReadAsync(observer[DemoDatabases.Accounts]);

            // The next run's start finishes the crashed run. Stop that run right after it has begun (its
            // own truncation rolls back), to look at what the recovery left.
            var logger = new FakeLogger<SeedOperations>();
            await using (var connections = await fixture.CreateConnectionsAsync(NextRunApplication))
            {
                var operations = new SeedOperations(connections, new DatabaseInventory(connections, NullLogger<DatabaseInventory>.Instance), logger);
                var stop = new InlineProgress<SeedProgress>(_ => throw new StoppedAfterRecoveryException());
                await Assert.ThrowsAsync<StoppedAfterRecoveryException>(() => operations.SeedAsync(new SeedOptions { Scale = 0.1 }, stop, Token));
            }

            var outcome = decided ? "committed" : "rolled back";
            Assert.Contains(logger.Collector.GetSnapshot(), e => e.Level == LogLevel.Warning
                && e.Message.Contains($"Recovered interrupted run {killedRunId}: {outcome} its {DemoDatabases.All.Count - 1} prepared transactions", StringComparison.Ordinal));
            Assert.Empty(await FaultSupport.PreparedDhubGidsAsync(admin));
            var recovered = await DatabaseSnapshot.TakeAsync(fixture);
            if (decided)
            {
                // Complete new contents everywhere: exactly what a successful run of those options produces.
                Assert.Empty(killedContents!.TablesDifferingFrom(recovered));
                Assert.Equal(DemoDatabases.All, await FaultSupport.DatabasesRecordingAsync(observer, killedRunId));
            }
            else
            {
                // Complete previous contents everywhere.
                Assert.Empty(before.TablesDifferingFrom(recovered));
                Assert.Empty(await FaultSupport.DatabasesRecordingAsync(observer, killedRunId));
            }

            // And a whole next run succeeds on top.
            await using var next = await fixture.CreateOperationsAsync(NextRunApplication);
            await next.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
            Assert.Equal(0, await FaultSupport.PreparedTransactionCountAsync(admin));
            await FaultSupport.AssertConsistentAsync(next.Operations, observer);
        }
        finally
        {
            if (hold is not null)
            {
                await hold.DisposeAsync();
            }

            // The restoring run also recovers whatever a failed test left prepared; the trigger goes after it.
            await RestoreAsync(admin);
            await RemoveHoldTriggerAsync(observer[last]);
        }
    }

    private async Task<Dictionary<string, string>> ConnectionStringsAsync()
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in DemoDatabases.All)
        {
            strings[database] = await fixture.ConnectionStringAsync(database);
        }

        return strings;
    }

    /// <summary>The real seeder, as its own process, against the shared server, with its backends named.</summary>
    private static ServiceProcess StartSeeder(IReadOnlyDictionary<string, string> connectionStrings, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        foreach (var (database, connectionString) in FaultSupport.WithApplicationName(connectionStrings, SeederApplication, pooling: true))
        {
            environment[$"ConnectionStrings__{database}"] = connectionString;
        }

        return ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Seeder().ProjectPath), environment);
    }

    /// <summary>Waits for <paramref name="condition"/>, failing at once (with its output) if the process ends first.</summary>
    private static Task WaitWhileRunningAsync(ServiceProcess process, Func<Task<bool>> condition, string what) =>
        FaultSupport.WaitUntilAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            Assert.False(process.HasExited, $"the process ended (exit code {(process.HasExited ? process.ExitCode : 0)}) before {what}:\n{process.Output}");
            return false;
        }, TimeSpan.FromMinutes(3), what, TimeSpan.FromMilliseconds(50));

    private static async Task InstallHoldTriggerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await ExecuteAsync(connection, $"""
            CREATE OR REPLACE FUNCTION dhub.fault_test_hold_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('application_name') = '{SeederApplication}' THEN
                    PERFORM pg_advisory_xact_lock({HoldKey});
                END IF;
                RETURN NULL;
            END $$;
            DROP TRIGGER IF EXISTS fault_test_hold_prepare ON dhub.seed_runs;
            CREATE CONSTRAINT TRIGGER fault_test_hold_prepare AFTER INSERT ON dhub.seed_runs
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dhub.fault_test_hold_prepare();
            """);
    }

    private static async Task RemoveHoldTriggerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await ExecuteAsync(connection, """
            SET lock_timeout = '30s';
            DROP TRIGGER IF EXISTS fault_test_hold_prepare ON dhub.seed_runs;
            DROP FUNCTION IF EXISTS dhub.fault_test_hold_prepare();
            """);
    }

    /// <summary>Puts the shared databases back as the fixture seeded them.</summary>
    private async Task RestoreAsync(string admin)
    {
        await FaultSupport.WaitUntilAsync(async () => await FaultSupport.BackendCountAsync(admin, SeederApplication) == 0,
            TimeSpan.FromMinutes(1), "the fault-injected seeder's backends to end");
        await using var scope = await fixture.CreateOperationsAsync(NextRunApplication);
        await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
    }

    /// <summary>
    /// Not an assertion, a note for the report: while a crashed run's prepared transactions wait for
    /// recovery they hold the TRUNCATE's ACCESS EXCLUSIVE locks, so reads block rather than see anything.
    /// </summary>
    private static async Task ReportBlockedReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        try
        {
            await ExecuteAsync(connection, "SET lock_timeout = '1s'; SELECT count(*) FROM public.accounts");
            TestContext.Current.TestOutputHelper?.WriteLine("A read of accounts_db.accounts went through while the crashed run was prepared.");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("A read of accounts_db.accounts blocks while the crashed run is prepared (lock_not_available after 1 s).");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private sealed class StoppedAfterRecoveryException() : Exception("Stopped by the test right after the run began.");
}
