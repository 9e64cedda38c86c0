using System.Runtime.InteropServices;
using System.Security.Cryptography;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Hosting.Postgres;
using DHub.Hosting.Postgres.InitScripts;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>
/// One benchmark run against one server: the seed pipeline at the reference scale (memory baseline)
/// and at the main scale, the COPY ceiling on the main scale's data, and the batched-INSERT reference
/// at the reference scale.
/// </summary>
public static class BenchmarkRunner
{
    /// <summary>Settings that shape loading speed, recorded with the figures.</summary>
    private static readonly string[] ReportedSettings =
    [
        "shared_buffers", "wal_level", "max_wal_senders", "max_wal_size", "wal_buffers", "synchronous_commit", "fsync",
        "full_page_writes", "wal_compression", "checkpoint_timeout", "maintenance_work_mem", "max_prepared_transactions",
    ];

    public static async Task<BenchmarkReport> RunAsync(BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        ThrowawayPostgres? throwaway = null;
        try
        {
            string serverConnection;
            ServerCpu? server;
            string serverDirectory;
            if (options.Connection is { } connection)
            {
                serverConnection = connection;
                server = await ServerCpu.TryAttachAsync(connection, cancellationToken);
                serverDirectory = options.ServerDirectory ?? "/tmp";
            }
            else
            {
                await log.WriteLineAsync("Starting a throwaway PostgreSQL server...");
                var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(
                    "No PostgreSQL server found (postgres, initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin). Install it or pass --connection.");
                throwaway = await ThrowawayPostgres.StartAsync(
                    binaries, LoopbackPort.FindFree(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), options.Settings, cancellationToken);
                serverConnection = throwaway.ConnectionString;
                server = throwaway.PostmasterPid is { } pid ? new ServerCpu(pid) : null;
                serverDirectory = options.ServerDirectory ?? throwaway.ServerFilesDirectory;
            }

            await ApplyInitScriptsAsync(serverConnection, cancellationToken);
            await using var connections = DatabaseConnections.FromServer(serverConnection);
            var environment = await DescribeAsync(serverConnection, throwaway is not null, options, cancellationToken);

            SeedingResult? baseline = null;
            if (options.ReferenceScale != options.Scale)
            {
                await log.WriteLineAsync($"Seeding at scale {options.ReferenceScale} (memory baseline)...");
                baseline = await SeedingBenchmark.RunAsync(connections, SeedOptionsAt(options, options.ReferenceScale), server, cancellationToken);
            }

            await log.WriteLineAsync($"Seeding at scale {options.Scale}...");
            var seeding = await SeedingBenchmark.RunAsync(connections, SeedOptionsAt(options, options.Scale), server, cancellationToken);

            CeilingResult? ceiling = null;
            if (!options.SkipCeiling)
            {
                await log.WriteLineAsync("Measuring the COPY ceiling...");
                ceiling = await CeilingBenchmark.RunAsync(connections, serverDirectory, server, cancellationToken);
            }

            ReferenceResult? reference = null;
            ReferenceResult? executeMany = null;
            if (!options.SkipReference)
            {
                await log.WriteLineAsync($"Measuring batched INSERTs at scale {options.ReferenceScale}...");
                if (options.ReferenceScale != options.Scale)
                {
                    var operations = new SeedOperations(connections, new DatabaseInventory(connections, NullLogger<DatabaseInventory>.Instance), NullLogger<SeedOperations>.Instance);
                    await operations.SeedAsync(SeedOptionsAt(options, options.ReferenceScale), null, cancellationToken);
                }

                reference = await ReferenceBenchmark.RunAsync(connections, ReferenceMethod.MultiRowInsert, options.ReferenceScale, server, cancellationToken);
                await log.WriteLineAsync($"Measuring one INSERT per row (executemany) at scale {options.ReferenceScale}...");
                executeMany = await ReferenceBenchmark.RunAsync(connections, ReferenceMethod.ExecuteMany, options.ReferenceScale, server, cancellationToken);
            }

            var ratios = new Ratios(
                Figures.Ratio(seeding.MbPerSecond, ceiling?.MbPerSecond),
                Figures.Ratio(seeding.MbPerSecond, reference?.MbPerSecond),
                Figures.Ratio(seeding.Process.PeakWorkingSetMb, baseline?.Process.PeakWorkingSetMb),
                Figures.Ratio(ceiling?.MbPerSecond, reference?.MbPerSecond),
                Figures.Ratio(seeding.MbPerSecond, executeMany?.MbPerSecond));
            return new BenchmarkReport(
                startedAt,
                environment,
                seeding,
                baseline,
                ceiling,
                reference,
                executeMany,
                ratios,
                Targets(seeding, ratios));
        }
        finally
        {
            if (throwaway is not null)
            {
                await log.WriteLineAsync("Stopping the throwaway server...");
                try
                {
                    await throwaway.DisposeAsync();
                }
                catch (InvalidOperationException ex)
                {
                    // The server was killed and its folder deleted all the same; the figures stand.
                    await Console.Error.WriteLineAsync($"Stopping the throwaway server failed: {ex.Message}");
                }

                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    private static SeedOptions SeedOptionsAt(BenchmarkOptions options, double scale) =>
        new() { Scale = scale, Seed = options.Seed, AsOf = options.AsOf };

    private static List<TargetCheck> Targets(SeedingResult seeding, Ratios ratios) =>
    [
        new("seeding >= 60% of the COPY ceiling (MB/s)", Percent(ratios.SeedingToCeiling), ratios.SeedingToCeiling is { } c ? c >= 0.6 : null),
        new("seeding >= 20x batched INSERT (MB/s)", Times(ratios.SeedingToReference), ratios.SeedingToReference is { } r ? r >= 20 : null),
        new("peak working set <= 300 MB", $"{seeding.Process.PeakWorkingSetMb:0.#} MB", seeding.Process.PeakWorkingSetMb <= 300),
        new("peak working set grows < 2x from the reference scale", Times(ratios.PeakMemoryGrowth), ratios.PeakMemoryGrowth is { } g ? g < 2 : null),
    ];

    private static string Percent(double? ratio) => ratio is { } r ? $"{r * 100:0}%" : "not measured";

    private static string Times(double? ratio) => ratio is { } r ? $"{r:0.##}x" : "not measured";

    private static async Task ApplyInitScriptsAsync(string serverConnection, CancellationToken cancellationToken)
    {
        var directory = InitScriptCatalog.FindDirectory(Directory.GetCurrentDirectory())
            ?? InitScriptCatalog.FindDirectory(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"Cannot find {InitScriptCatalog.RelativeDirectory}; run from inside the repository.");
        await new InitScriptRunner(NullLogger<InitScriptRunner>.Instance)
            .ApplyMissingAsync(serverConnection, InitScriptCatalog.Load(directory), cancellationToken);
    }

    private static async Task<EnvironmentInfo> DescribeAsync(string serverConnection, bool throwaway, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync(cancellationToken);
        await using var version = new NpgsqlCommand("SELECT current_setting('server_version')", connection);
        await using var settings = new NpgsqlCommand("SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings WHERE name = ANY($1) ORDER BY name", connection);
        settings.Parameters.Add(new NpgsqlParameter { Value = ReportedSettings });
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await settings.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        return new EnvironmentInfo(
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            (string)(await version.ExecuteScalarAsync(cancellationToken))!,
            throwaway,
            values,
            options.Seed,
            options.AsOf);
    }
}
