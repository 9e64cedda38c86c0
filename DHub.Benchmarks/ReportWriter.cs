using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DHub.Benchmarks;

/// <summary>Writes a report as <c>benchmark.json</c> (every figure) and <c>benchmark.md</c> (the summary table).</summary>
public static class ReportWriter
{
    public const string JsonFileName = "benchmark.json";
    public const string MarkdownFileName = "benchmark.md";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task WriteAsync(BenchmarkReport report, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, JsonFileName), JsonSerializer.Serialize(report, JsonOptions), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, MarkdownFileName), Markdown(report), cancellationToken);
    }

    public static string Markdown(BenchmarkReport report)
    {
        var md = new StringBuilder();
        var env = report.Environment;
        Line(md, $"# DHub seeding benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line(md);
        Line(md, $"{env.ProcessorCount} cores, {env.Os}, {env.Runtime}, PostgreSQL {env.ServerVersion} ({(env.ThrowawayServer ? "throwaway server" : "given server")}), seed {env.Seed}, as of {env.AsOf:yyyy-MM-dd}.");
        Line(md, "Server settings: " + string.Join(", ", env.ServerSettings.Select(s => $"{s.Key}={s.Value}")) + ".");
        Line(md);
        Line(md, "| method | scale | rows | size (MB) | wall (s) | rows/s | MB/s | client CPU (s) | server CPU (s) | peak working set (MB) |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in new[] { report.SeedingAtReferenceScale, report.Seeding }.OfType<SeedingResult>())
        {
            Row(md, "seeding (pipeline, binary COPY)", s.Scale, s.Rows, s.Bytes, s.WallSeconds, s.RowsPerSecond, s.MbPerSecond, s.Process.ClientCpuSeconds, s.ServerCpuSeconds, s.Process.PeakWorkingSetMb);
        }

        if (report.Ceiling is { } c)
        {
            Row(md, "ceiling (server-side COPY FROM file)", report.Seeding.Scale, c.Rows, c.Bytes, c.WallSeconds, c.RowsPerSecond, c.MbPerSecond, null, c.ServerCpuSeconds, null);
        }

        if (report.Reference is { } r)
        {
            Row(md, $"reference (INSERT, {r.RowsPerStatement} rows/statement)", r.Scale, r.Rows, r.Bytes, r.WallSeconds, r.RowsPerSecond, r.MbPerSecond, null, r.ServerCpuSeconds, null);
        }

        if (report.ExecuteMany is { } e)
        {
            Row(md, "executemany (one INSERT per row, 1000 per round trip)", e.Scale, e.Rows, e.Bytes, e.WallSeconds, e.RowsPerSecond, e.MbPerSecond, null, e.ServerCpuSeconds, null);
        }

        Line(md);
        Line(md, "| target | measured | met |");
        Line(md, "|---|---:|---|");
        foreach (var t in report.Targets)
        {
            Line(md, $"| {t.Target} | {t.Measured} | {t.Met switch { true => "yes", false => "**no**", null => "n/a" }} |");
        }

        if (report.Ratios.CeilingToReference is { } bound)
        {
            Line(md);
            Line(md, $"Ceiling over batched INSERT: {bound:0.##}x. This is the most seeding over batched INSERT can reach in this run, even at the speed of the ceiling.");
        }

        if (report.Ratios.SeedingToExecuteMany is { } executeMany)
        {
            Line(md);
            Line(md, $"Seeding over one INSERT per row (psycopg's executemany): {executeMany:0.##}x (no target; the 20x target is against the multi-row INSERT).");
        }

        if (report.Ceiling is { } ceiling)
        {
            Line(md);
            Line(md, $"Ceiling: {ceiling.CopySeconds:0.00} s in COPY, {ceiling.RebuildSeconds:0.00} s rebuilding indexes and keys in the background, " +
                     $"{ceiling.CommitSeconds:0.00} s committing (with the wait for the last rebuilds).");
        }

        var p = report.Seeding.Process;
        Line(md);
        Line(md, $"Seeding at scale {report.Seeding.Scale}: allocated {p.AllocatedMb:0} MB, peak managed heap {p.PeakManagedHeapMb:0.#} MB, " +
                 $"GCs gen0/1/2 {p.Gen0Collections}/{p.Gen1Collections}/{p.Gen2Collections}, GC pauses {p.GcPauseMs:0} ms; " +
                 $"CPU utilization {(report.Seeding.CpuUtilization is { } u ? $"{u * 100:0}%" : "unknown")} of {report.Environment.ProcessorCount} cores; " +
                 $"{report.Seeding.OutsidePhasesSeconds:0.00} s outside the phases (session start and commit).");
        Line(md);
        Line(md, "| phase | seconds |");
        Line(md, "|---|---:|");
        foreach (var phase in report.Seeding.Phases)
        {
            Line(md, $"| {phase.Phase} | {phase.Seconds:0.000} |");
        }

        Line(md);
        Line(md, "Slowest tables:");
        Line(md);
        Line(md, "| table | rows | MB | load (s) | index, in the background (s) |");
        Line(md, "|---|---:|---:|---:|---:|");
        foreach (var t in report.Seeding.Tables.OrderByDescending(t => t.Seconds).Take(8))
        {
            Line(md, $"| {t.Database}.{t.Table} | {t.Rows:N0} | {t.Bytes / 1048576.0:0.0} | {t.Seconds:0.000} | {t.IndexSeconds:0.000} |");
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string method, double scale, long rows, long bytes, double wall, double rowsPerSecond, double mbPerSecond,
        double? clientCpu, double? serverCpu, double? peak) =>
        Line(md, $"| {method} | {scale.ToString(CultureInfo.InvariantCulture)} | {rows:N0} | {bytes / 1048576.0:0.0} | {wall:0.00} | {rowsPerSecond:N0} | {mbPerSecond:0.0} | {Optional(clientCpu)} | {Optional(serverCpu)} | {Optional(peak)} |");

    private static string Optional(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
