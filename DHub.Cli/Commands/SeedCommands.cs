using System.CommandLine;
using System.Globalization;
using DHub.Cli.Errors;
using DHub.Cli.Output;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DHub.Cli.Commands;

/// <summary>The <c>seed</c> group: fill the six demo databases with generated data, show what is there, empty them.</summary>
public static class SeedCommands
{
    public static Command Create(CommandServices services) => services.WithExamples(
        new Command("seed", "Generate the demo bank's data, show row counts, or clear the six demo databases.")
        {
            All(services),
            Status(services),
            Clear(services),
        },
        "dhub seed all --scale 0.1",
        "dhub seed status",
        "dhub seed clear --confirm");

    private static Command All(CommandServices services)
    {
        var scale = new Option<double>("--scale", "-s")
        {
            Description = $"Size multiplier for customers and employees, greater than 0 and at most {SeedOptions.MaxScale} (0.1 = demo, 1 = base, 5 = large).",
            DefaultValueFactory = _ => 1.0,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed; the same seed, scale and as-of date always produce the same data.",
            DefaultValueFactory = _ => SeedOptions.DefaultSeed,
        };
        var customers = new Option<int?>("--customers", "-c") { Description = "Number of customers, overriding the scaled count." };
        var employees = new Option<int?>("--employees", "-e") { Description = "Number of employees, overriding the scaled count." };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The bank's \"today\" as YYYY-MM-DD; nothing but scheduled items lies after it. Default: today (UTC).",
            HelpName = "YYYY-MM-DD",
            CustomParser = ParseDate,
        };
        var command = services.WithExamples(
            new Command("all", "Replace the data of all six demo databases with freshly generated data, atomically: on failure every database keeps its previous contents.")
            {
                scale,
                seed,
                customers,
                employees,
                asOf,
            },
            "dhub seed all --scale 0.1",
            "dhub seed all --scale 2 --seed 7 --as-of 2026-06-30",
            "dhub seed all --customers 500 --employees 40 --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var options = new SeedOptions
            {
                Scale = run.Get(scale),
                Seed = run.Get(seed),
                Customers = run.Get(customers),
                Employees = run.Get(employees),
                AsOf = run.Get(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow),
            };
            if (options.Validate() is { Count: > 0 } problems)
            {
                // Checked before connecting: a typo should not wait for a server.
                throw CliException.InvalidInput(string.Join(" ", problems));
            }

            var operations = run.Services.GetRequiredService<SeedOperations>();
            if (!run.Json)
            {
                run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Seeding the six demo databases on {run.ResolveSettings().Server}: scale {options.Scale}, seed {options.Seed}, {options.CustomerCount} customers, {options.EmployeeCount} employees, as of {options.AsOf:yyyy-MM-dd}."));
            }

            SeedRun seedRun;
            if (run.Json)
            {
                seedRun = await operations.SeedAsync(options, null, cancellationToken);
            }
            else if (run.Output.IsLive)
            {
                var live = new LiveSeedProgress();
                seedRun = await live.ShowWhileAsync(run.Output.Console, () => operations.SeedAsync(options, live, cancellationToken));
            }
            else
            {
                seedRun = await operations.SeedAsync(options, new PlainSeedProgress(run.Output), cancellationToken);
            }

            var databases = ByDatabase(seedRun);
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    run = RunJson(seedRun),
                    databases = databases.Select(d => new { d.Name, tables = d.Tables.Select(t => new { name = t.Table, t.Rows }), totalRows = d.TotalRows }),
                    totalRows = seedRun.TotalRows,
                });
                return ExitCodes.Success;
            }

            var table = new Table().Title("Seeded").AddColumn("Database").AddColumn(new TableColumn("Tables").RightAligned()).AddColumn(new TableColumn("Rows").RightAligned());
            foreach (var database in databases)
            {
                table.AddRow(new Text(database.Name), new Text($"{database.Tables.Count}"), new Text(DisplayFormat.Count(database.TotalRows)));
            }

            table.AddRow(new Text("Total", new Style(decoration: Decoration.Bold)), new Text($"{databases.Sum(d => d.Tables.Count)}"), new Text(DisplayFormat.Count(seedRun.TotalRows)));
            run.Output.Write(table);
            run.Output.WriteLine($"Seeded {DisplayFormat.Count(seedRun.TotalRows)} rows in {DisplayFormat.Seconds(seedRun.Duration)} (run {seedRun.RunId}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Status(CommandServices services)
    {
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Give up when counting a database's rows takes longer than this many seconds (1-{SqlQuery.MaxTimeoutSeconds}), e.g. while another transaction keeps a table locked.",
            DefaultValueFactory = _ => SqlQuery.DefaultTimeoutSeconds,
            HelpName = "seconds",
        };
        var command = services.WithExamples(
            new Command("status", "Show the row count of every table of the six demo databases, the totals, and the last seed run; while a seed or clear runs, that run and how far it is (exit 0).") { timeout },
            "dhub seed status",
            "dhub seed status --json --timeout 5");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var seconds = run.Get(timeout);
            if (seconds is < 1 or > SqlQuery.MaxTimeoutSeconds)
            {
                throw CliException.InvalidInput($"The timeout must be between 1 and {SqlQuery.MaxTimeoutSeconds} seconds; got {seconds}.");
            }

            var status = await run.Services.GetRequiredService<SeedOperations>().GetStatusAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
            if (run.Json)
            {
                // A run in progress is a state to report, not a failure: exit 0, with the run instead of counts.
                run.Output.WriteJson(new
                {
                    inProgress = status.InProgress is null ? null : InProgressJson(status.InProgress),
                    databases = status.Databases.Select(d => new { name = d.Database, tables = d.Tables.Select(t => new { name = t.Table, t.Rows }), d.TotalRows }),
                    totalRows = status.InProgress is null ? status.TotalRows : (long?)null,
                    lastRun = status.LastRun is null ? null : RunJson(status.LastRun),
                });
                return ExitCodes.Success;
            }

            if (status.InProgress is { } running)
            {
                run.Output.WriteLine(Describe(running));
                run.Output.WriteLine("Row counts are shown once it has finished: until then it keeps the tables locked.");
                run.Output.WriteLine(LastSeedLine(status.LastRun));
                return ExitCodes.Success;
            }

            foreach (var database in status.Databases)
            {
                var table = new Table().Title(database.Database).AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
                foreach (var count in database.Tables)
                {
                    table.AddRow(new Text(count.Table), new Text(DisplayFormat.Count(count.Rows)));
                }

                table.AddRow(new Text("Total", new Style(decoration: Decoration.Bold)), new Text(DisplayFormat.Count(database.TotalRows), new Style(decoration: Decoration.Bold)));
                run.Output.Write(table);
            }

            run.Output.WriteLine($"Total: {DisplayFormat.Count(status.TotalRows)} rows in {status.Databases.Sum(d => d.Tables.Count)} tables of {status.Databases.Count} databases.");
            run.Output.WriteLine(LastSeedLine(status.LastRun));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Clear(CommandServices services)
    {
        var confirm = new Option<bool>("--confirm") { Description = "Really empty the tables. Without it, dhub only shows what would be cleared and exits 1." };
        var command = services.WithExamples(
            new Command("clear", "Empty the 34 demo tables of the six databases (and restart their identity sequences), atomically. Other tables are left alone.") { confirm },
            "dhub seed clear            # only shows what would be cleared",
            "dhub seed clear --confirm");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var operations = run.Services.GetRequiredService<SeedOperations>();
            var status = await operations.GetStatusAsync(cancellationToken);
            if (status.InProgress is not null)
            {
                throw new SeedAlreadyRunningException();
            }

            // The status counts every table of the databases, a user's own ones included; a clear empties only the demo tables.
            var databases = status.Databases
                .Select(d => d with { Tables = d.Tables.Where(t => DemoTables.In(d.Database).Any(demo => demo.Table == t.Table)).ToList() })
                .ToList();
            var totalRows = databases.Sum(d => d.TotalRows);
            var confirmed = run.Get(confirm);
            if (confirmed)
            {
                await operations.ClearAsync(cancellationToken);
            }

            var tableCount = databases.Sum(d => d.Tables.Count);
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    cleared = confirmed,
                    databases = databases.Select(d => new { name = d.Database, tables = d.Tables.Count, rows = d.TotalRows }),
                    tables = tableCount,
                    totalRows,
                });
            }
            else if (confirmed)
            {
                run.Output.WriteLine($"Cleared {DisplayFormat.Count(totalRows)} rows from {tableCount} tables in {databases.Count} databases.");
            }
            else
            {
                var table = new Table().Title("Would clear").AddColumn("Database").AddColumn(new TableColumn("Tables").RightAligned()).AddColumn(new TableColumn("Rows").RightAligned());
                foreach (var database in databases)
                {
                    table.AddRow(new Text(database.Database), new Text($"{database.Tables.Count}"), new Text(DisplayFormat.Count(database.TotalRows)));
                }

                table.AddRow(new Text("Total", new Style(decoration: Decoration.Bold)), new Text($"{tableCount}"), new Text(DisplayFormat.Count(totalRows)));
                run.Output.Write(table);
            }

            return confirmed
                ? ExitCodes.Success
                : throw CliException.Failed($"Nothing was cleared: add --confirm to delete these {DisplayFormat.Count(totalRows)} rows.");
        });
        return command;
    }

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--as-of must be a date as YYYY-MM-DD; got '{token}'.");
        return null;
    }

    private sealed record DatabaseRows(string Name, IReadOnlyList<TableRowCount> Tables)
    {
        public long TotalRows => Tables.Sum(t => t.Rows);
    }

    /// <summary>The run's "database.table" counts regrouped per database, in the demo order and load order.</summary>
    private static List<DatabaseRows> ByDatabase(SeedRun run) =>
        [.. DemoDatabases.All.Select(name => new DatabaseRows(name, [.. run.RowCounts
            .Where(pair => pair.Key.StartsWith(name + ".", StringComparison.Ordinal))
            .Select(pair => new TableRowCount(pair.Key[(name.Length + 1)..], pair.Value))]))];

    private static string LastSeedLine(SeedRun? last) => last is null
        ? "Last seed: none recorded."
        : string.Create(CultureInfo.InvariantCulture,
            $"Last seed: seed {last.Seed}, scale {last.Scale}, as of {last.AsOf:yyyy-MM-dd}, at {last.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, took {DisplayFormat.Seconds(last.Duration)}.");

    /// <summary>One line: which run, how far, since when.</summary>
    private static string Describe(SeedInProgress running)
    {
        if (running.RunId is not { } runId)
        {
            return "A seed, clear or recovery is starting (it holds the seeding lock but has not recorded itself yet).";
        }

        var since = running.StartedAt is { } started ? string.Create(CultureInfo.InvariantCulture, $", started {started.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC") : "";
        if (running.Kind == "clear")
        {
            return $"A clear is in progress (run {runId}){since}.";
        }

        var at = running.Table is { } table ? $", at {table}" : "";
        return $"A seed is in progress (run {runId}): phase {running.Phase} of {SeedInProgress.PhaseCount} ({running.PhaseName}){at}, "
            + $"{running.TablesLoaded} of {SeedInProgress.TableCount} tables loaded, {DisplayFormat.Count(running.RowsLoaded)} rows so far{since}.";
    }

    private static object InProgressJson(SeedInProgress running) => new
    {
        running.RunId,
        running.Kind,
        running.StartedAt,
        running.Phase,
        phases = SeedInProgress.PhaseCount,
        running.PhaseName,
        running.Table,
        running.TablesLoaded,
        tables = SeedInProgress.TableCount,
        running.RowsLoaded,
        running.UpdatedAt,
    };

    private static object RunJson(SeedRun run) => new
    {
        run.RunId,
        run.Seed,
        run.Scale,
        run.Customers,
        run.Employees,
        run.AsOf,
        run.StartedAt,
        durationSeconds = Math.Round(run.Duration.TotalSeconds, 3),
        run.TotalRows,
    };
}
