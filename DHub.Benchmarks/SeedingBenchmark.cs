using System.Collections.Concurrent;
using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.Benchmarks;

/// <summary>Times the real seed pipeline (<see cref="SeedOperations.SeedAsync"/>) and watches the process while it runs.</summary>
public static class SeedingBenchmark
{
    public static async Task<SeedingResult> RunAsync(
        DatabaseConnections connections, SeedOptions options, ServerCpu? server, CancellationToken cancellationToken)
    {
        var operations = new SeedOperations(connections, new DatabaseInventory(connections, NullLogger<DatabaseInventory>.Instance), NullLogger<SeedOperations>.Instance);

        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SeedTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        // Start from a collected heap so the figures belong to this run, not to what came before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var serverBefore = server?.TotalSeconds();
        using var sampler = new ProcessSampler();
        var clock = Stopwatch.StartNew();
        var run = await operations.SeedAsync(options, progress: null, cancellationToken);
        clock.Stop();
        var process = sampler.Stop();
        var serverCpu = server?.TotalSeconds() - serverBefore;

        var bytes = await DemoTableTotals.SizeAsync(connections, cancellationToken);
        var indexing = spans
            .Where(s => s.OperationName.StartsWith("index ", StringComparison.Ordinal))
            .ToDictionary(s => (string)s.GetTagItem(SeedTelemetry.Tags.Table)!);
        var tables = spans
            .Where(s => s.OperationName.StartsWith("load ", StringComparison.Ordinal))
            .Select(s =>
            {
                var index = indexing[(string)s.GetTagItem(SeedTelemetry.Tags.Table)!];
                return new TableTiming(
                    (string)s.GetTagItem(SeedTelemetry.Tags.Database)!,
                    (string)s.GetTagItem(SeedTelemetry.Tags.Table)!,
                    (long)s.GetTagItem(SeedTelemetry.Tags.Rows)!,
                    (long)index.GetTagItem(SeedTelemetry.Tags.Bytes)!,
                    Math.Round(s.Duration.TotalSeconds, 3),
                    Math.Round(index.Duration.TotalSeconds, 3));
            })
            .ToList();
        var phases = spans
            .Where(s => s.OperationName.StartsWith("phase ", StringComparison.Ordinal))
            .OrderBy(s => s.StartTimeUtc)
            .Select(s => new PhaseTiming(s.OperationName, Math.Round(s.Duration.TotalSeconds, 3)))
            .ToList();

        return new SeedingResult(
            options.Scale,
            run.TotalRows,
            bytes,
            Math.Round(clock.Elapsed.TotalSeconds, 3),
            Math.Round(run.TotalRows / clock.Elapsed.TotalSeconds),
            Figures.MbPerSecond(bytes, clock.Elapsed),
            serverCpu is { } cpu ? Math.Round(cpu, 2) : null,
            Figures.CpuUtilization(process.ClientCpuSeconds, serverCpu, clock.Elapsed),
            Math.Round(clock.Elapsed.TotalSeconds - phases.Sum(p => p.Seconds), 3),
            process,
            phases,
            tables);
    }
}
