using DHub.Core.Databases;
using DHub.Core.References;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Seeding;

/// <summary>The seed pipeline against real PostgreSQL: determinism, consistency, atomicity, concurrency.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeedPipelineTests(LocalAppFixture fixture)
{
    internal static readonly DateOnly AsOf = new(2026, 6, 30);

    private static SeedOptions Small(int seed = 7) => new() { Scale = 0.1, Seed = seed, AsOf = AsOf };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_seed_reproduces_every_table_and_another_seed_changes_them()
    {
        await using var scope = await fixture.CreateOperationsAsync();

        await scope.Operations.SeedAsync(Small(), null, Token);
        var first = await DatabaseSnapshot.TakeAsync(fixture);
        await scope.Operations.SeedAsync(Small(), null, Token);
        var second = await DatabaseSnapshot.TakeAsync(fixture);
        await scope.Operations.SeedAsync(Small(seed: 8), null, Token);
        var other = await DatabaseSnapshot.TakeAsync(fixture);

        Assert.Equal(34, first.Tables.Count);
        Assert.All(first.Tables, t => Assert.True(t.Value.Rows > 0, $"{t.Key} is empty"));
        Assert.Empty(first.TablesDifferingFrom(second));
        // Fixed catalogues (departments' names, training programs...) may coincide; generated tables must not.
        Assert.True(first.TablesDifferingFrom(other).Count() >= 30, "a different seed should change almost every table");
    }

    [Fact]
    public async Task Every_cross_database_reference_resolves_to_an_existing_row()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(Small(), null, Token);

        foreach (var link in CrossDatabaseReferences.All)
        {
            var targets = await ValuesAsync(link.TargetDatabase, $"SELECT \"{link.TargetColumn}\" FROM public.\"{link.TargetTable}\"");
            var sources = await ValuesAsync(link.SourceDatabase,
                $"SELECT DISTINCT \"{link.SourceColumn}\" FROM public.\"{link.SourceTable}\" WHERE \"{link.SourceColumn}\" IS NOT NULL" +
                (link.Condition is null ? "" : $" AND ({link.Condition})"));

            Assert.True(sources.Count > 0, $"{link.SourceQualifiedTable}.{link.SourceColumn} is never populated");
            var orphans = sources.Except(targets).ToList();
            Assert.True(orphans.Count == 0,
                $"{orphans.Count} orphans in {link.SourceQualifiedTable}.{link.SourceColumn} -> {link.TargetQualifiedTable}, e.g. {string.Join(", ", orphans.Take(3))}");
        }
    }

    [Fact]
    public async Task Seeding_a_populated_database_replaces_the_data_and_restarts_identities()
    {
        await using var scope = await fixture.CreateOperationsAsync();

        var first = await scope.Operations.SeedAsync(Small(), null, Token);
        var second = await scope.Operations.SeedAsync(Small(), null, Token);

        Assert.Equal(first.RowCounts, second.RowCounts);
        var snapshot = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.Equal(second.TotalRows, snapshot.TotalRows);
        await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand("SELECT min(review_id) FROM performance_reviews", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task A_connection_terminated_mid_run_leaves_every_database_as_it_was()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(Small(), null, Token);
        var before = await DatabaseSnapshot.TakeAsync(fixture);

        // Once phase 2 has started loading accounts_db, kill that database's loading backend from outside.
        var killed = false;
        var progress = new InlineProgress<SeedProgress>(p =>
        {
            if (!killed && p is { Step: SeedStep.TableLoaded, Database: DemoDatabases.Accounts })
            {
                killed = TerminateBackendsAsync(DemoDatabases.Accounts).GetAwaiter().GetResult() > 0;
            }
        });

        var error = await Assert.ThrowsAsync<SeedFailedException>(() => scope.Operations.SeedAsync(Small(seed: 99), progress, Token));

        Assert.True(killed, "the fault was never injected");
        Assert.Contains("keeps its previous contents", error.Message, StringComparison.Ordinal);
        var after = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.Empty(before.TablesDifferingFrom(after));
        Assert.Equal(0, await PreparedTransactionCountAsync());
    }

    [Fact]
    public async Task A_second_run_while_one_is_active_fails_fast()
    {
        await using var first = await fixture.CreateOperationsAsync();
        await using var second = await fixture.CreateOperationsAsync();
        using var holding = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var progress = new InlineProgress<SeedProgress>(p =>
        {
            if (p is { Step: SeedStep.TableLoaded, Phase: 1 } && holding.CurrentCount == 0)
            {
                holding.Release();
                release.Wait(TimeSpan.FromSeconds(60));
            }
        });

        var running = first.Operations.SeedAsync(Small(), progress, Token);
        Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(60), Token), "the first run never started loading");

        await Assert.ThrowsAsync<SeedAlreadyRunningException>(() => second.Operations.SeedAsync(Small(), null, Token));
        await Assert.ThrowsAsync<SeedAlreadyRunningException>(() => second.Operations.ClearAsync(Token));

        release.Release();
        Assert.True((await running).TotalRows > 0);
    }

    [Fact]
    public async Task Prepared_transactions_of_a_crashed_run_are_rolled_back_unless_its_commit_had_begun()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(Small(), null, Token);
        var before = await DatabaseSnapshot.TakeAsync(fixture);

        // A run that crashed after PREPARE but before any COMMIT PREPARED: nothing of it may appear.
        var abandoned = Guid.NewGuid();
        await PrepareAsync(DemoDatabases.Employees, abandoned, "DELETE FROM performance_reviews");
        await PrepareAsync(DemoDatabases.Customer, abandoned, "DELETE FROM satisfaction_surveys");
        Assert.Equal(2, await PreparedTransactionRecovery.RecoverAsync(scope.Connections, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Token));
        Assert.Empty(before.TablesDifferingFrom(await DatabaseSnapshot.TakeAsync(fixture)));

        // A run that crashed after committing customer_db: the commit was decided, so employees_db must follow.
        var decided = Guid.NewGuid();
        await PrepareAsync(DemoDatabases.Employees, decided, "DELETE FROM performance_reviews", recordRun: true);
        await using (var customer = await fixture.OpenAsync(DemoDatabases.Customer))
        await using (var record = new NpgsqlCommand($"INSERT INTO dhub.seed_runs (run_id, kind, started_at, duration_ms) VALUES ('{decided}', 'clear', now(), 0)", customer))
        {
            await record.ExecuteNonQueryAsync(Token);
        }

        Assert.Equal(1, await PreparedTransactionRecovery.RecoverAsync(scope.Connections, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Token));
        Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(fixture)).RowsOf("employees_db.performance_reviews"));
        Assert.Equal(0, await PreparedTransactionCountAsync());
    }

    [Fact]
    public async Task Status_reports_counts_and_the_last_run_and_clear_empties_every_table()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        try
        {
            var run = await scope.Operations.SeedAsync(Small(), null, Token);

            var status = await scope.Operations.GetStatusAsync(Token);
            Assert.Equal(DemoDatabases.All, status.Databases.Select(d => d.Database));
            Assert.Equal(run.TotalRows, status.TotalRows);
            Assert.Equal(run.RunId, status.LastRun?.RunId);
            Assert.Equal((7, 0.1, AsOf), (status.LastRun!.Seed, status.LastRun.Scale, status.LastRun.AsOf));

            await scope.Operations.ClearAsync(Token);

            var cleared = await scope.Operations.GetStatusAsync(Token);
            Assert.Equal(34, cleared.Databases.Sum(d => d.Tables.Count));
            Assert.Equal(0, cleared.TotalRows);
            Assert.Equal(run.RunId, cleared.LastRun?.RunId);
        }
        finally
        {
            // Later tests of the shared fixture expect demo data.
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        }
    }

    [Fact]
    public async Task A_status_blocked_by_a_table_lock_gives_up_at_its_statement_timeout_naming_the_database()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        var timeout = TimeSpan.FromSeconds(1);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // A seed holds every demo table like this until it commits; so may any user's transaction.
        await using (await HeldTableLock.TakeAsync(fixture, DemoDatabases.Loans, "loans"))
        {
            var failure = await Assert.ThrowsAsync<DatabaseTimeoutException>(() => scope.Operations.GetStatusAsync(timeout, Token));

            Assert.Equal(DemoDatabases.Loans, failure.Database);
            Assert.Equal(timeout, failure.Timeout);
            Assert.Contains("loans_db took longer than 1 s", failure.Message, StringComparison.Ordinal);
            Assert.IsType<PostgresException>(failure.InnerException);
            // The server's timeout, not Npgsql's fallback five seconds later or the 30 s default.
            Assert.InRange(clock.Elapsed, timeout, timeout + TimeSpan.FromSeconds(4));
        }

        // The timeout was the statement's alone: the pooled connections count normally again.
        Assert.Equal(DemoDatabases.All, (await scope.Operations.GetStatusAsync(timeout, Token)).Databases.Select(d => d.Database));
    }

    [Fact]
    public async Task A_status_during_a_seed_reports_the_run_and_its_progress_instead_of_waiting_for_the_tables()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        SeedStatus during;
        SeedRun run;
        List<SeedProgress> loaded;
        await using (var seed = await HeldSeed.StartAsync(fixture, tables: 2))
        {
            // A timeout far longer than the test's patience: a status that waited for the tables would be cancelled, not answer.
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Token);
            patience.CancelAfter(TimeSpan.FromMinutes(1));
            during = await scope.Operations.GetStatusAsync(TimeSpan.FromSeconds(SqlQuery.MaxTimeoutSeconds), patience.Token);
            loaded = [.. seed.Loaded];
            run = await seed.FinishAsync();
        }

        var progress = Assert.IsType<SeedInProgress>(during.InProgress);
        Assert.Empty(during.Databases);
        Assert.Equal(run.RunId, progress.RunId);
        Assert.Equal("seed", progress.Kind);
        // Held after its second table: it had recorded both as loaded.
        var first = SeedPhases.All[0];
        Assert.Equal((first.Number, first.Name), (progress.Phase, progress.PhaseName));
        Assert.Equal($"{loaded[1].Database}.{loaded[1].Table}", progress.Table);
        Assert.Equal(2, progress.TablesLoaded);
        Assert.Equal(loaded[0].Rows + loaded[1].Rows, progress.RowsLoaded);
        Assert.True(progress.RowsLoaded > 0);
        Assert.NotEqual(run.RunId, during.LastRun?.RunId);

        // Once it has committed, the status counts again and names it as the last run.
        var after = await scope.Operations.GetStatusAsync(Token);
        Assert.Null(after.InProgress);
        Assert.Equal(run.RunId, after.LastRun?.RunId);
        Assert.Equal(run.TotalRows, after.TotalRows);
    }

    [Fact]
    public async Task A_status_takes_its_table_locks_in_the_order_a_seed_does_so_the_two_cannot_deadlock()
    {
        const string Application = "dhub-tests-lock-order";
        await using var scope = await fixture.CreateOperationsAsync(Application);
        var order = DemoTables.In(DemoDatabases.Loans).Select(t => t.Table).ToList();

        Task<SeedStatus> counting;
        List<(string Table, bool Granted)> locks;
        await using (var held = await HeldTableLock.TakeAsync(fixture, DemoDatabases.Loans, order[2]))
        {
            counting = scope.Operations.GetStatusAsync(Token);
            await held.WaitForWaiterAsync();
            locks = await TableLocksOfAsync(DemoDatabases.Loans, Application);
        }

        // It holds the tables before the held one in the seed's order, waits for that one, and has not reached the rest.
        Assert.Equal([(order[0], true), (order[1], true), (order[2], false)], locks.OrderBy(l => order.IndexOf(l.Table)));
        Assert.Equal(DemoDatabases.All, (await counting).Databases.Select(d => d.Database));
    }

    [Fact]
    public async Task A_status_timeout_of_zero_is_refused_because_the_server_would_read_it_as_none()
    {
        await using var scope = await fixture.CreateOperationsAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => scope.Operations.GetStatusAsync(TimeSpan.Zero, Token));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task Invalid_scales_are_rejected_before_touching_the_databases(double scale)
    {
        await using var scope = await fixture.CreateOperationsAsync();

        var error = await Assert.ThrowsAsync<InvalidSeedOptionsException>(() => scope.Operations.SeedAsync(new SeedOptions { Scale = scale }, null, Token));

        Assert.Contains("Scale must be a finite number greater than 0 and at most 1000", error.Message, StringComparison.Ordinal);
    }

    private async Task<HashSet<string>> ValuesAsync(string database, string sql)
    {
        await using var connection = await fixture.OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Token))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<int> TerminateBackendsAsync(string database)
    {
        await using var admin = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = @app AND pid <> pg_backend_pid()", admin);
        command.Parameters.AddWithValue("db", database);
        command.Parameters.AddWithValue("app", LocalAppFixture.TestApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Token), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task PrepareAsync(string database, Guid runId, string sql, bool recordRun = false)
    {
        await using var connection = await fixture.OpenAsync(database);
        var record = recordRun ? $"INSERT INTO dhub.seed_runs (run_id, kind, started_at, duration_ms) VALUES ('{runId}', 'clear', now(), 0);" : "";
        await using var command = new NpgsqlCommand(
            $"BEGIN; {sql}; {record} PREPARE TRANSACTION '{PreparedTransactionRecovery.Gid(runId, database)}'", connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private async Task<long> PreparedTransactionCountAsync()
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_prepared_xacts", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    /// <summary>The public tables a session of <paramref name="application"/> holds or waits for in <paramref name="database"/>.</summary>
    private async Task<List<(string Table, bool Granted)>> TableLocksOfAsync(string database, string application)
    {
        await using var connection = await fixture.OpenAsync(database);
        await using var command = new NpgsqlCommand("""
            SELECT c.relname::text, l.granted FROM pg_locks l
            JOIN pg_stat_activity a ON a.pid = l.pid
            JOIN pg_class c ON c.oid = l.relation
            WHERE a.application_name = $1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = application });
        await using var reader = await command.ExecuteReaderAsync(Token);
        var locks = new List<(string, bool)>();
        while (await reader.ReadAsync(Token))
        {
            locks.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return locks;
    }
}
