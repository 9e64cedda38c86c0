namespace DHub.Benchmarks;

/// <summary>Everything one benchmark run measured; serialized as bench-results/benchmark.json.</summary>
public sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    EnvironmentInfo Environment,
    SeedingResult Seeding,
    SeedingResult? SeedingAtReferenceScale,
    CeilingResult? Ceiling,
    ReferenceResult? Reference,
    ReferenceResult? ExecuteMany,
    Ratios Ratios,
    IReadOnlyList<TargetCheck> Targets);

public sealed record EnvironmentInfo(
    int ProcessorCount,
    string Os,
    string Runtime,
    string ServerVersion,
    bool ThrowawayServer,
    IReadOnlyDictionary<string, string> ServerSettings,
    int Seed,
    DateOnly AsOf);

/// <param name="MbPerSecond">Total relation size of the 34 tables (heap, indexes, TOAST) after the commit, in MiB, per second of wall time.</param>
/// <param name="ServerCpuSeconds">CPU used by the PostgreSQL server meanwhile, when it runs on this machine.</param>
/// <param name="CpuUtilization">Client and server CPU over what all cores could give in the wall time (1 = every core busy throughout).</param>
/// <param name="OutsidePhasesSeconds">Wall time outside the seven phases: opening the session (lock, recovery, TRUNCATE) and the two-phase commit.</param>
public sealed record SeedingResult(
    double Scale,
    long Rows,
    long Bytes,
    double WallSeconds,
    double RowsPerSecond,
    double MbPerSecond,
    double? ServerCpuSeconds,
    double? CpuUtilization,
    double OutsidePhasesSeconds,
    ProcessFigures Process,
    IReadOnlyList<PhaseTiming> Phases,
    IReadOnlyList<TableTiming> Tables);

public sealed record PhaseTiming(string Phase, double Seconds);

/// <param name="Seconds">The table's COPY (its "load" span).</param>
/// <param name="IndexSeconds">Rebuilding its indexes and keys (its "index" span), which overlaps the next tables' loads.</param>
public sealed record TableTiming(string Database, string Table, long Rows, long Bytes, double Seconds, double IndexSeconds);

/// <param name="CopySeconds">Of the wall time, the COPY statements themselves.</param>
/// <param name="RebuildSeconds">Rebuilding indexes and keys after each table, in the background: it overlaps the COPYs of later tables.</param>
/// <param name="CommitSeconds">Of the wall time, the two-phase commit, with the wait for the last rebuilds.</param>
/// <param name="ExportSeconds">Time to write the server-side files (not part of the ceiling).</param>
public sealed record CeilingResult(
    long Rows,
    long Bytes,
    double WallSeconds,
    double RowsPerSecond,
    double MbPerSecond,
    double? ServerCpuSeconds,
    double CopySeconds,
    double RebuildSeconds,
    double CommitSeconds,
    double ExportSeconds);

public sealed record ReferenceResult(
    string Method,
    double Scale,
    long Rows,
    long Bytes,
    int Statements,
    int RowsPerStatement,
    double WallSeconds,
    double RowsPerSecond,
    double MbPerSecond,
    double? ServerCpuSeconds);

/// <param name="SeedingToCeiling">Seeding MB/s over ceiling MB/s (target at least 0.6).</param>
/// <param name="SeedingToReference">Seeding MB/s over batched-INSERT MB/s (target at least 20).</param>
/// <param name="PeakMemoryGrowth">Peak working set of the seeding at the main scale over the one at the reference scale (target below 2).</param>
/// <param name="SeedingToExecuteMany">Seeding MB/s over the MB/s of one INSERT per row, as psycopg's executemany sends them (no target).</param>
/// <param name="CeilingToReference">
/// Ceiling MB/s over batched-INSERT MB/s: what <paramref name="SeedingToReference"/> would be if the
/// seeding were as fast as PostgreSQL loading its own files, so the most any client can reach.
/// </param>
public sealed record Ratios(double? SeedingToCeiling, double? SeedingToReference, double? PeakMemoryGrowth, double? CeilingToReference, double? SeedingToExecuteMany);

public sealed record TargetCheck(string Target, string Measured, bool? Met);

internal static class Figures
{
    public static double MbPerSecond(long bytes, TimeSpan elapsed) => Math.Round(bytes / 1048576.0 / elapsed.TotalSeconds, 2);

    public static double? CpuUtilization(double clientCpu, double? serverCpu, TimeSpan elapsed) =>
        serverCpu is { } server ? Math.Round((clientCpu + server) / (Environment.ProcessorCount * elapsed.TotalSeconds), 2) : null;

    public static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d > 0 ? Math.Round(n / d, 2) : null;
}
