using System.CommandLine;
using DHub.Cli.Errors;
using DHub.Cli.Output;
using DHub.Core.Databases;
using Npgsql;
using Spectre.Console;

namespace DHub.Cli.Commands;

/// <summary>The <c>db</c> group: what is on the server, whether it answers, and ad-hoc SQL.</summary>
public static class DbCommands
{
    public static Command Create(CommandServices services) => services.WithExamples(
        new Command("db", "Inspect and query the PostgreSQL server and the six demo databases.")
        {
            List(services),
            Test(services),
            Tables(services),
            Query(services),
            Info(services),
        },
        "dhub db list",
        "dhub db test",
        "dhub db query \"SELECT count(*) FROM employees\" -d employees_db");

    private static Command List(CommandServices services)
    {
        var command = services.WithExamples(
            new Command("list", "List every database on the server; the six demo databases are marked."),
            "dhub db list",
            "dhub db list --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var server = run.Server();
            var databases = await server.Catalog.ListDatabasesAsync(cancellationToken);
            var demoCount = databases.Count(d => d.IsDemo);
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    server = server.Settings.Server,
                    databases = databases.Select(d => new { d.Name, demo = d.IsDemo, d.SizeBytes }),
                    total = databases.Count,
                    demo = demoCount,
                });
                return ExitCodes.Success;
            }

            var table = new Table().Title($"Databases on {server.Settings.Server}")
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Database").AddColumn("Type").AddColumn(new TableColumn("Size").RightAligned());
            foreach (var (database, index) in databases.Select((d, i) => (d, i + 1)))
            {
                table.AddRow(new Text($"{index}"), new Text(database.Name), new Text(database.IsDemo ? "demo" : "other"), new Text(database.SizeBytes is { } bytes ? DisplayFormat.Bytes(bytes) : "unknown"));
            }

            run.Output.Write(table);
            run.Output.WriteLine($"Total: {databases.Count} database(s), {demoCount} of them demo databases.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Test(CommandServices services)
    {
        var database = DatabaseOption.Create("The database to test; default: the six demo databases.");
        var command = services.WithExamples(
            new Command("test", "Check that databases answer (SELECT 1). Exits 1 when any does not.") { database },
            "dhub db test",
            "dhub db test -d loans_db");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var server = run.Server();
            // Listing the databases first tells "server down" (exit 3) apart from "a database is missing" (exit 1).
            await server.Catalog.ListDatabasesAsync(cancellationToken);
            var results = await server.AskEachDatabaseAsync(run.Get(database), server.Catalog.TestAsync, cancellationToken);

            var reachable = results.Count(r => r.Reachable);
            if (run.Json)
            {
                run.Output.WriteJson(new { server = server.Settings.Server, results, reachable, total = results.Count });
            }
            else
            {
                foreach (var result in results)
                {
                    run.Output.WriteLine(result.Reachable ? $"✓ {result.Database}" : $"✗ {result.Database}: {result.Error}");
                }

                run.Output.WriteLine($"{reachable}/{results.Count} databases reachable");
            }

            return reachable == results.Count ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Tables(CommandServices services)
    {
        var database = DatabaseOption.Create("List the tables of this database only.");
        var all = new Option<bool>("--all") { Description = "List the tables of every database on the server." };
        var command = services.WithExamples(
            new Command("tables", "List the tables and views of the six demo databases (or of one, or of all on the server).") { database, all },
            "dhub db tables",
            "dhub db tables -d accounts_db",
            "dhub db tables --all --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var one = run.Get(database);
            if (one is not null && run.Get(all))
            {
                throw CliException.InvalidInput("Use either --database or --all, not both.");
            }

            var server = run.Server();
            IReadOnlyList<string> names = run.Get(all)
                ? [.. (await server.Catalog.ListDatabasesAsync(cancellationToken)).Select(d => d.Name)]
                : await server.SelectDatabasesAsync(one, cancellationToken);

            var listings = new List<(string Name, IReadOnlyList<TableInfo> Tables, string? Error)>();
            foreach (var name in names)
            {
                try
                {
                    listings.Add((name, await server.Catalog.ListTablesAsync(name, cancellationToken), null));
                }
                catch (NpgsqlException ex) when (!ConnectionFailure.IsServerProblem(ex))
                {
                    // One missing or locked database should not hide the others' tables.
                    var message = ex is PostgresException postgres ? postgres.MessageText : ex.Message;
                    run.Output.Warn($"Could not list the tables of {name}: {message}");
                    listings.Add((name, [], message));
                }
            }

            var total = listings.Sum(l => l.Tables.Count);
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    databases = listings.Select(l => new { l.Name, tables = l.Tables.Select(t => new { t.Schema, t.Name, t.Type }), l.Error }),
                    total,
                });
            }
            else
            {
                var table = new Table().AddColumn("Database").AddColumn("Schema").AddColumn("Table").AddColumn("Type");
                foreach (var info in listings.SelectMany(l => l.Tables))
                {
                    table.AddRow(new Text(info.Database), new Text(info.Schema), new Text(info.Name), new Text(info.Type));
                }

                run.Output.Write(table);
                run.Output.WriteLine($"Total: {total} table(s) in {listings.Count} database(s) ("
                    + string.Join(", ", listings.Select(l => $"{l.Name} {l.Tables.Count}")) + ")");
            }

            return listings.Any(l => l.Error is not null) ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static Command Query(CommandServices services)
    {
        var sql = new Argument<string>("sql") { Description = "One SQL statement; quote it for the shell." };
        var database = DatabaseOption.Create("The database to run it in; default: POSTGRES_DB when set, else employees_db.");
        var limit = new Option<int>("--limit", "-l")
        {
            Description = $"Show at most this many rows (1-{SqlQuery.MaxLimit}).",
            DefaultValueFactory = _ => SqlQuery.DefaultLimit,
        };
        var write = new Option<bool>("--write") { Description = "Allow the statement to write, and commit it. Without it the statement runs in a READ ONLY transaction." };
        var timeout = new Option<int>("--timeout")
        {
            Description = $"Cancel the statement after this many seconds (1-{SqlQuery.MaxTimeoutSeconds}).",
            DefaultValueFactory = _ => SqlQuery.DefaultTimeoutSeconds,
            HelpName = "seconds",
        };
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = $"Refuse a result larger than this many bytes ({SqlQuery.MinMaxResultBytes}-{SqlQuery.MaxMaxResultBytes}), counted while the rows are read.",
            DefaultValueFactory = _ => SqlQuery.DefaultMaxResultBytes,
            HelpName = "bytes",
        };
        var command = services.WithExamples(
            new Command("query", "Run one SQL statement and print its rows (or the number of rows it changed). Read-only unless --write is given.")
            {
                sql,
                database,
                limit,
                write,
                timeout,
                maxBytes,
            },
            "dhub db query \"SELECT first_name, last_name FROM employees\" -d employees_db --limit 10",
            "dhub db query \"SELECT * FROM loans WHERE loan_status = 'active'\" -d loans_db --json",
            "dhub db query \"UPDATE employees SET phone = NULL WHERE employee_number = 'E10001'\" -d employees_db --write");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var query = new SqlQuery(run.Get(sql) ?? "", run.Get(limit), run.Get(write), run.Get(timeout), run.Get(maxBytes));
            if (query.Validate() is { Count: > 0 } problems)
            {
                throw CliException.InvalidInput(string.Join(" ", problems));
            }

            var server = run.Server();
            var name = await server.RequireDatabaseAsync(run.Get(database) ?? server.Settings.DefaultQueryDatabase, cancellationToken);
            var result = await SqlQueryRunner.RunAsync(server.Databases.ForServerDatabase(name), query, cancellationToken);

            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    database = name,
                    columns = result.Columns,
                    rows = result.Rows,
                    rowCount = result.Rows.Count,
                    result.Truncated,
                    result.AffectedRows,
                    committed = query.AllowWrite,
                });
            }
            else if (result.HasResultSet)
            {
                run.Output.Write(QueryResultTable.Render(result));
                run.Output.WriteLine(result.Truncated ? $"{result.Rows.Count} row(s) (limited to {query.Limit} rows)" : $"{result.Rows.Count} row(s)");
            }
            else
            {
                var affected = result.AffectedRows is >= 0 ? $"{DisplayFormat.Count(result.AffectedRows.Value)} row(s) affected" : "Statement executed";
                run.Output.WriteLine(query.AllowWrite ? $"{affected}; committed." : $"{affected} (read-only; nothing was changed).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Info(CommandServices services)
    {
        var database = DatabaseOption.Create("The database to describe; default: the six demo databases.");
        var command = services.WithExamples(
            new Command("info", "Show the server version and each database's size and active connections.") { database },
            "dhub db info",
            "dhub db info -d customer_db --json");
        services.SetAction(command, async (run, cancellationToken) =>
        {
            var server = run.Server();
            var infos = await server.AskEachDatabaseAsync(run.Get(database), server.Catalog.GetInfoAsync, cancellationToken);

            var version = infos[0].Version;
            if (run.Json)
            {
                run.Output.WriteJson(new
                {
                    server = server.Settings.Server,
                    version,
                    databases = infos.Select(i => new { i.Name, i.SizeBytes, i.Size, i.ActiveConnections }),
                });
                return ExitCodes.Success;
            }

            run.Output.WriteLine($"PostgreSQL {version} at {server.Settings.Server}");
            var table = new Table().AddColumn("Database").AddColumn(new TableColumn("Size").RightAligned()).AddColumn(new TableColumn("Active connections").RightAligned());
            foreach (var info in infos)
            {
                table.AddRow(new Text(info.Name), new Text(info.Size), new Text($"{info.ActiveConnections}"));
            }

            run.Output.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
