using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DHub.Core.Databases;
using DHub.Core.References;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Tests.Faults;

/// <summary>
/// The fault tests that start their own servers (an AppHost or a throwaway PostgreSQL) run one
/// after another: on a small machine two app starts and a large seed at once only make every
/// deadline tighter.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnServersCollection
{
    public const string Name = "faults: own servers";
}

/// <summary>Waiting, SQL and process helpers shared by the fault-injection tests.</summary>
internal static class FaultSupport
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Polls <paramref name="condition"/> until it holds; a deadline for waiting, not a timed assertion.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250), Token);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan deadline, string what, TimeSpan? interval = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), deadline, what, interval);

    /// <summary>The six connection strings, keyed by database, with an application name and without pooling (servers here die on purpose).</summary>
    public static Dictionary<string, string> WithApplicationName(IReadOnlyDictionary<string, string> connectionStrings, string applicationName, bool pooling = false) =>
        connectionStrings.ToDictionary(
            pair => pair.Key,
            pair => new NpgsqlConnectionStringBuilder(pair.Value) { ApplicationName = applicationName, Pooling = pooling }.ConnectionString,
            StringComparer.Ordinal);

    public static async Task<object?> ScalarAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(Token);
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(connectionString, sql, parameters), CultureInfo.InvariantCulture);

    public static async Task<bool> CanConnectAsync(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            await ScalarAsync(builder.ConnectionString, "SELECT 1");
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>The gids of the prepared transactions a DHub run left (pg_prepared_xacts is cluster-wide).</summary>
    public static async Task<List<string>> PreparedDhubGidsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT gid FROM pg_prepared_xacts WHERE gid LIKE 'dhub:%' ORDER BY gid", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var gids = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            gids.Add(reader.GetString(0));
        }

        return gids;
    }

    public static Task<long> PreparedTransactionCountAsync(string connectionString) =>
        CountAsync(connectionString, "SELECT count(*) FROM pg_prepared_xacts");

    /// <summary>Client backends of <paramref name="applicationName"/> (any database), excluding the asking one.</summary>
    public static Task<long> BackendCountAsync(string connectionString, string applicationName) =>
        CountAsync(connectionString,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND pid <> pg_backend_pid()",
            ("app", applicationName));

    /// <summary>Which of the six databases hold the record of <paramref name="runId"/> in dhub.seed_runs.</summary>
    public static async Task<List<string>> DatabasesRecordingAsync(IReadOnlyDictionary<string, string> connectionStrings, Guid runId)
    {
        var recording = new List<string>();
        foreach (var database in DemoDatabases.All)
        {
            await using var connection = new NpgsqlConnection(connectionStrings[database]);
            await connection.OpenAsync(Token);
            if (await SeedRunLog.ContainsAsync(connection, runId, Token))
            {
                recording.Add(database);
            }
        }

        return recording;
    }

    /// <summary>
    /// The data is one complete run: every table's row count equals the last run's record, and
    /// every cross-database link resolves (no orphans).
    /// </summary>
    public static async Task AssertConsistentAsync(SeedOperations operations, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var status = await operations.GetStatusAsync(Token);
        Assert.NotNull(status.LastRun);
        Assert.True(status.TotalRows > 0, "the databases are empty");
        Assert.Equal(status.LastRun.TotalRows, status.TotalRows);
        foreach (var database in status.Databases)
        {
            foreach (var table in database.Tables)
            {
                Assert.True(status.LastRun.RowCounts.TryGetValue($"{database.Database}.{table.Table}", out var recorded),
                    $"the run record has no count for {database.Database}.{table.Table}");
                Assert.True(recorded == table.Rows, $"{database.Database}.{table.Table} holds {table.Rows} rows, the run recorded {recorded}");
            }
        }

        foreach (var link in CrossDatabaseReferences.All)
        {
            var targets = await ValuesAsync(connectionStrings[link.TargetDatabase], $"SELECT \"{link.TargetColumn}\"::text FROM public.\"{link.TargetTable}\"");
            var sources = await ValuesAsync(connectionStrings[link.SourceDatabase],
                $"SELECT DISTINCT \"{link.SourceColumn}\"::text FROM public.\"{link.SourceTable}\" WHERE \"{link.SourceColumn}\" IS NOT NULL" +
                (link.Condition is null ? "" : $" AND ({link.Condition})"));
            var orphans = sources.Except(targets).ToList();
            Assert.True(orphans.Count == 0,
                $"{orphans.Count} orphans in {link.SourceQualifiedTable}.{link.SourceColumn} -> {link.TargetQualifiedTable}, e.g. {string.Join(", ", orphans.Take(3))}");
        }
    }

    private static async Task<HashSet<string>> ValuesAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Token))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The built dll of a service project, in the configuration the tests were built in.</summary>
    public static string ServiceDll(string projectPath)
    {
        var configuration = typeof(FaultSupport).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration, "net10.0", Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }

    /// <summary>The init scripts the AppHost applies in Local mode.</summary>
    public static string InitScriptDirectory =>
        Path.GetFullPath(Path.Combine(Projects.DHub_AppHost.ProjectPath, "..", DHub.Hosting.Postgres.InitScripts.InitScriptCatalog.RelativeDirectory));
}

/// <summary>What /proc says about processes: the only way to check that nothing outlived a test.</summary>
internal static class ProcessTable
{
    /// <summary>Alive means present and not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) S ...": the state follows the last ')'.
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Present at all, zombies included. PostgreSQL refuses to start while the PID in a stale
    /// postmaster.pid still exists (kill(pid, 0) succeeds on a zombie), so this is what to wait for.
    /// </summary>
    public static bool Exists(int pid) => Directory.Exists($"/proc/{pid}");

    public static List<int> ChildrenOf(int parent) =>
        AllPids().Where(pid => ParentOf(pid) == parent).ToList();

    /// <summary>Processes whose command line contains <paramref name="fragment"/> (e.g. a data directory).</summary>
    public static List<int> WithCommandLineContaining(string fragment) =>
        AllPids().Where(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(fragment, StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }).ToList();

    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static IEnumerable<int> AllPids() =>
        Directory.GetDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : -1)
            .Where(pid => pid > 0);
}

/// <summary>A DHub service (seeder, API) run as its own OS process from its built dll, with its console output kept.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until the service answers <c>/alive</c> through <paramref name="client"/>; fails at once if it exits.</summary>
    public Task WaitUntilListeningAsync(HttpClient client) =>
        FaultSupport.WaitUntilAsync(async () =>
        {
            Assert.False(HasExited, $"the service exited (code {(HasExited ? ExitCode : 0)}):\n{Output}");
            try
            {
                using var alive = await client.GetAsync("/alive", FaultSupport.Token);
                return alive.StatusCode == System.Net.HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, TimeSpan.FromMinutes(1), "the service to listen");

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>SIGKILL: no shutdown code of the service runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async Task WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(FaultSupport.Token);
        timeout.CancelAfter(deadline);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
