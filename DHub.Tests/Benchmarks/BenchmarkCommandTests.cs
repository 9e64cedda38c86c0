using System.Diagnostics;
using System.Text.Json;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Benchmarks;

/// <summary>
/// The benchmark as a user runs it, with the documented command, at a tiny scale against a throwaway
/// server of its own: it must finish and report every figure.
/// </summary>
[Integration]
public sealed class BenchmarkCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_benchmark_runs_with_one_command_and_writes_every_figure_as_json_and_markdown()
    {
        var repository = RepositoryRoot();
        var output = Directory.CreateTempSubdirectory("dhub-bench-test-");
        try
        {
            var (exitCode, log) = await RunAsync(repository,
                "run", "--project", Path.Combine(repository, "DHub.Benchmarks", "DHub.Benchmarks.csproj"), "--",
                "--scale", "0.05", "--reference-scale", "0.02", "--output", output.FullName);
            Assert.True(exitCode == 0, $"the benchmark failed ({exitCode}):\n{log}");

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "benchmark.json"), Token));
            var report = json.RootElement;
            var seeding = report.GetProperty("seeding");
            var ceiling = report.GetProperty("ceiling");
            var reference = report.GetProperty("reference");
            var baseline = report.GetProperty("seedingAtReferenceScale");
            var executeMany = report.GetProperty("executeMany");

            Assert.Equal(0.05, seeding.GetProperty("scale").GetDouble());
            Assert.Equal(0.02, reference.GetProperty("scale").GetDouble());
            Assert.Equal("multi-row INSERT", reference.GetProperty("method").GetString());
            Assert.Equal("executemany", executeMany.GetProperty("method").GetString());
            Assert.Equal(reference.GetProperty("rows").GetInt64(), executeMany.GetProperty("rows").GetInt64());
            Assert.Equal(executeMany.GetProperty("rows").GetInt64(), executeMany.GetProperty("statements").GetInt64());
            foreach (var part in new[] { seeding, ceiling, reference, baseline, executeMany })
            {
                Assert.True(part.GetProperty("rows").GetInt64() > 0);
                Assert.True(part.GetProperty("bytes").GetInt64() > 0);
                Assert.True(part.GetProperty("wallSeconds").GetDouble() > 0);
                Assert.True(part.GetProperty("mbPerSecond").GetDouble() > 0);
            }

            // The ceiling reloads exactly the rows the seeding wrote; the reference re-inserts the smaller scale's rows.
            Assert.Equal(seeding.GetProperty("rows").GetInt64(), ceiling.GetProperty("rows").GetInt64());
            Assert.Equal(baseline.GetProperty("rows").GetInt64(), reference.GetProperty("rows").GetInt64());
            Assert.Equal(1000, reference.GetProperty("rowsPerStatement").GetInt32());
            Assert.Equal(34, seeding.GetProperty("tables").GetArrayLength());
            Assert.Equal(7, seeding.GetProperty("phases").GetArrayLength());

            var process = seeding.GetProperty("process");
            Assert.True(process.GetProperty("peakWorkingSetMb").GetDouble() > 0);
            Assert.True(process.GetProperty("processPeakWorkingSetMb").GetDouble() >= process.GetProperty("peakWorkingSetMb").GetDouble() - 1);
            Assert.True(process.GetProperty("allocatedMb").GetDouble() > 0);
            Assert.True(process.GetProperty("clientCpuSeconds").GetDouble() > 0);
            Assert.True(seeding.GetProperty("serverCpuSeconds").GetDouble() > 0, "the throwaway server runs here, so its CPU time is known");

            var ratios = report.GetProperty("ratios");
            foreach (var ratio in new[] { "seedingToCeiling", "seedingToReference", "peakMemoryGrowth", "ceilingToReference", "seedingToExecuteMany" })
            {
                Assert.True(ratios.GetProperty(ratio).GetDouble() > 0, $"{ratio} is missing");
            }

            Assert.Equal(4, report.GetProperty("targets").GetArrayLength());
            Assert.True(report.GetProperty("environment").GetProperty("throwawayServer").GetBoolean());

            var markdown = await File.ReadAllTextAsync(Path.Combine(output.FullName, "benchmark.md"), Token);
            Assert.Contains("| seeding (pipeline, binary COPY) | 0.05 |", markdown, StringComparison.Ordinal);
            Assert.Contains("| ceiling (server-side COPY FROM file) |", markdown, StringComparison.Ordinal);
            Assert.Contains("| reference (INSERT, 1000 rows/statement) | 0.02 |", markdown, StringComparison.Ordinal);
            Assert.Contains("Ceiling over batched INSERT: ", markdown, StringComparison.Ordinal);
            Assert.Contains("| executemany (one INSERT per row, 1000 per round trip) | 0.02 |", markdown, StringComparison.Ordinal);

            // The throwaway server is gone, data directory and all.
            Assert.Contains("Stopping the throwaway server", log, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DHub.sln not found above the test binaries.");
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        // A cancelled test must not leave the benchmark (and its server) running.
        await using var kill = Token.Register(() => process.Kill(entireProcessTree: true));
        var stdout = process.StandardOutput.ReadToEndAsync(Token);
        var stderr = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
