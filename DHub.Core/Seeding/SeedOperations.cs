using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.Seeding.Loading;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>
/// Seeding, status and clearing of the six demo databases: the operations the Seeder, the CLI and
/// the API share. A seed replaces all data atomically: readers see the old contents until the
/// commit, then all of the new.
/// </summary>
public sealed partial class SeedOperations(DatabaseConnections connections, DatabaseInventory inventory, ILogger<SeedOperations> logger, TimeProvider time, SeedPipeline pipeline)
{
    private const string PreviousContentsKept = "Every database keeps its previous contents.";

    // How long a status's count waits for a table lock before it asks again whether a run holds them.
    private static readonly TimeSpan StatusLockWait = TimeSpan.FromSeconds(1);

    public SeedOperations(DatabaseConnections connections, DatabaseInventory inventory, ILogger<SeedOperations> logger, TimeProvider time)
        : this(connections, inventory, logger, time, SeedPipeline.Default)
    {
    }

    public SeedOperations(DatabaseConnections connections, DatabaseInventory inventory, ILogger<SeedOperations> logger)
        : this(connections, inventory, logger, TimeProvider.System)
    {
    }

    /// <exception cref="InvalidSeedOptionsException">The options are out of range; nothing was touched.</exception>
    /// <exception cref="SeedAlreadyRunningException">Another run holds the lock; nothing was touched.</exception>
    /// <exception cref="SeedFailedException">The run failed; every database keeps its previous contents.</exception>
    public async Task<SeedRun> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidSeedOptionsException(problems);
        }

        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        using var root = SeedTelemetry.ActivitySource.StartActivity("seed");
        root?.SetTag(SeedTelemetry.Tags.Scale, options.Scale);
        root?.SetTag(SeedTelemetry.Tags.Seed, options.Seed);
        LogStarting(options.Scale, options.Seed, options.CustomerCount, options.EmployeeCount, options.AsOf);

        string? current = null;
        try
        {
            await using var session = await SeedSession.BeginAsync(connections, logger, forLoading: true, cancellationToken);
            var context = new SeedContext(options);
            var rowCounts = new Dictionary<string, long>(StringComparer.Ordinal);

            foreach (var phase in pipeline.Phases)
            {
                using var phaseActivity = SeedTelemetry.ActivitySource.StartActivity(phase.SpanName);
                var phaseClock = Stopwatch.StartNew();
                progress?.Report(new SeedProgress(SeedStep.PhaseStarted, phase.Number, phase.Name, Elapsed: clock.Elapsed));

                foreach (var factory in phase.Tables)
                {
                    var load = factory(context);
                    current = $"{load.Database}.{load.Table}";
                    await session.RecordProgressAsync(phase.Number, phase.Name, current, rowCounts.Count, rowCounts.Values.Sum(), cancellationToken);
                    var rows = await LoadAsync(session, load, cancellationToken);
                    rowCounts[current] = rows;
                    await session.RecordProgressAsync(phase.Number, phase.Name, current, rowCounts.Count, rowCounts.Values.Sum(), cancellationToken);
                    progress?.Report(new SeedProgress(SeedStep.TableLoaded, phase.Number, phase.Name, load.Database, load.Table, rows, clock.Elapsed));
                }

                SeedTelemetry.PhaseDuration.Record(phaseClock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>(SeedTelemetry.Tags.Phase, phase.SpanName));
                LogPhaseCompleted(phase.Number, phase.Name, phase.Tables.Count, phaseClock.ElapsedMilliseconds);
            }

            current = "commit";
            await session.RecordProgressAsync(pipeline.Phases.Count, "commit", null, rowCounts.Count, rowCounts.Values.Sum(), cancellationToken);
            progress?.Report(new SeedProgress(SeedStep.Committing, pipeline.Phases.Count, "commit", Elapsed: clock.Elapsed));
            var run = new SeedRun(session.RunId, options.Seed, options.Scale, options.CustomerCount, options.EmployeeCount, options.AsOf, startedAt, clock.Elapsed, rowCounts);
            await session.CommitAsync((connection, ct) => SeedRunLog.WriteAsync(connection, run, ct), cancellationToken);

            root?.SetTag(SeedTelemetry.Tags.TotalRows, run.TotalRows);
            progress?.Report(new SeedProgress(SeedStep.Completed, pipeline.Phases.Count, "done", Rows: run.TotalRows, Elapsed: clock.Elapsed));
            LogCompleted(run.TotalRows, clock.ElapsedMilliseconds, run.RunId);
            return run;
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            root?.SetStatus(ActivityStatusCode.Error, ex.Message);
            var where = current is null ? "while preparing the databases" : $"at {current}";
            throw new SeedFailedException($"Seeding failed {where}: {ex.Message} {PreviousContentsKept}", ex);
        }
        catch (Exception ex)
        {
            // Anything else is no state of the databases but a bug (a generator's, say): the span keeps its stack trace.
            root?.AddException(ex);
            root?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    /// <summary>Per database and table row counts and the last completed seed; or, while a seed or clear runs, that run.</summary>
    /// <exception cref="DatabaseTimeoutException">A database's count exceeded <see cref="DatabaseInventory.DefaultCountTimeout"/>.</exception>
    public Task<SeedStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        GetStatusAsync(DatabaseInventory.DefaultCountTimeout, cancellationToken);

    /// <summary>Per database and table row counts and the last completed seed; or, while a seed or clear runs, that run.</summary>
    /// <exception cref="DatabaseTimeoutException">
    /// A database's tables stayed locked, or its count ran, longer than <paramref name="statementTimeout"/>,
    /// and no seed or clear was running: a transaction of someone else's holds them.
    /// </exception>
    public async Task<SeedStatus> GetStatusAsync(TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statementTimeout, TimeSpan.FromMilliseconds(1));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // The last run first, the counts after: a run is recorded inside its own transactions, and a
            // database it has not committed yet keeps its tables locked, so counts taken after reading run R
            // include all of R's rows. Read the other way round, a status could name a run whose rows it
            // partly missed (counted just before the seed took a database's tables).
            SeedRun? lastRun;
            await using (var connection = await connections.For(DemoDatabases.Employees).OpenConnectionAsync(cancellationToken))
            {
                lastRun = await SeedRunLog.ReadLatestAsync(connection, cancellationToken);

                // A running seed keeps every demo table locked until its commit: report it rather than wait.
                if (await SeedProgressLog.ReadActiveAsync(connection, cancellationToken) is { } running)
                {
                    return new SeedStatus([], lastRun, running);
                }
            }

            // No run held the lock a moment ago, but one may take the tables now, or a user's transaction
            // may hold one. So a count waits for a table lock only briefly, then the run log is asked again:
            // a run that started meanwhile is reported at once, anything else is waited for up to the timeout.
            var remaining = Max(statementTimeout - clock.Elapsed, TimeSpan.FromMilliseconds(1));
            var lockWait = remaining < StatusLockWait ? remaining : StatusLockWait;
            var counts = await Task.WhenAll(DemoDatabases.All.Select(database => CountAsync(database, statementTimeout, remaining, lockWait, cancellationToken)));
            if (counts.All(c => c.Counts is not null))
            {
                return new SeedStatus([.. counts.Select(c => c.Counts!)], lastRun);
            }

            if (remaining <= lockWait)
            {
                var (database, _, locked) = counts.First(c => c.Counts is null);
                throw inventory.CountTimedOut(database, statementTimeout, locked!);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>One database's counts, or the lock error when a table stayed locked longer than <paramref name="lockWait"/>.</summary>
    /// <param name="timeout">The whole status's timeout, as the user gave it; <paramref name="remaining"/> is what is left of it.</param>
    private async Task<(string Database, DatabaseRowCounts? Counts, PostgresException? Locked)> CountAsync(
        string database, TimeSpan timeout, TimeSpan remaining, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        try
        {
            // Each count locks the demo tables in the order a seed does (DemoTables), so the two cannot deadlock.
            var tables = await inventory.CountRowsAsync(database, [.. DemoTables.In(database).Select(t => t.Table)], remaining, lockWait, cancellationToken);
            return (database, new DatabaseRowCounts(database, tables), null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return (database, null, ex);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            throw inventory.CountTimedOut(database, timeout, ex);
        }
    }

    /// <summary>Empties all 34 tables and restarts their identity sequences, atomically across the six databases.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            await using var session = await SeedSession.BeginAsync(connections, logger, cancellationToken);
            await session.CommitAsync((connection, ct) => SeedRunLog.WriteClearAsync(connection, session.RunId, startedAt, clock.Elapsed, ct), cancellationToken);
            LogCleared(clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            throw new SeedFailedException($"Clearing failed: {ex.Message} {PreviousContentsKept}", ex);
        }
    }

    private static async Task<long> LoadAsync(SeedSession session, ITableLoad load, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionForAsync(load.Database);
        using var activity = SeedTelemetry.ActivitySource.StartActivity($"load {load.Table}");
        activity?.SetTag(SeedTelemetry.Tags.Database, load.Database);
        activity?.SetTag(SeedTelemetry.Tags.Table, load.Table);

        // Generation and the binary protocol writes are synchronous CPU work; keep them off the caller's thread.
        var rows = await Task.Run(() => TableCopy.Run(connection, CopyCommand.From(load.Table, load.Columns, "STDIN"), load, cancellationToken), cancellationToken);
        activity?.SetTag(SeedTelemetry.Tags.Rows, rows);
        SeedTelemetry.RowsLoaded.Add(rows,
            new KeyValuePair<string, object?>(SeedTelemetry.Tags.Database, load.Database),
            new KeyValuePair<string, object?>(SeedTelemetry.Tags.Table, load.Table));

        // The session set the table's indexes and keys aside. The server rebuilds them while this
        // thread generates the next tables; the "index" span (a child of this one) records the work.
        session.InBackground(load.Database, (c, ct) => IndexAsync(session, c, load, ct), cancellationToken);
        return rows;
    }

    private static async Task IndexAsync(SeedSession session, NpgsqlConnection connection, ITableLoad load, CancellationToken cancellationToken)
    {
        using var activity = SeedTelemetry.ActivitySource.StartActivity($"index {load.Table}");
        activity?.SetTag(SeedTelemetry.Tags.Database, load.Database);
        activity?.SetTag(SeedTelemetry.Tags.Table, load.Table);
        try
        {
            await session.TableLoadedAsync(load.Database, load.Table, cancellationToken);
            await using var size = new NpgsqlCommand($"SELECT pg_total_relation_size('public.\"{load.Table}\"')", connection);
            activity?.SetTag(SeedTelemetry.Tags.Bytes, (long)(await size.ExecuteScalarAsync(cancellationToken))!);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            // Reported by whatever waits for this work next, so name the table here.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw new SeedFailedException($"Seeding failed while indexing {load.Database}.{load.Table}: {ex.Message} {PreviousContentsKept}", ex);
        }
    }

    // A user's foreign key to a demo table is a state of the databases that stops the run, like a server error.
    private static bool IsDatabaseFailure(Exception ex) =>
        ex is NpgsqlException or IOException or TimeoutException or DemoTablesReferencedException or InvalidOperationException { InnerException: NpgsqlException };

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding at scale {Scale} with seed {Seed}: {Customers} customers, {Employees} employees, as of {AsOf}")]
    private partial void LogStarting(double scale, int seed, int customers, int employees, DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Phase {Phase} {PhaseName} loaded {TableCount} tables in {ElapsedMs} ms")]
    private partial void LogPhaseCompleted(int phase, string phaseName, int tableCount, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {TotalRows} rows in {ElapsedMs} ms (run {RunId})")]
    private partial void LogCompleted(long totalRows, long elapsedMs, Guid runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared all demo tables in {ElapsedMs} ms")]
    private partial void LogCleared(long elapsedMs);
}
