using System.Collections.Concurrent;
using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Tests.Faults;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.Tests.Core.Seeding;

/// <summary>The trace the dashboard shows for a seed: one root, seven phases, one span per table.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeedTelemetryTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task A_seed_emits_a_root_span_with_seven_phase_spans_and_one_load_span_per_table()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SeedTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await using var scope = await fixture.CreateOperationsAsync();
        var run = await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1, Seed = 3, AsOf = SeedPipelineTests.AsOf }, null, TestContext.Current.CancellationToken);

        var root = Assert.Single(stopped, a => a.DisplayName == "seed" && a.Parent is null && (long?)a.GetTagItem("total_rows") == run.TotalRows);
        Assert.Equal(0.1, root.GetTagItem("scale"));
        Assert.Equal(3, root.GetTagItem("seed"));
        var trace = stopped.Where(a => a.TraceId == root.TraceId).ToList();

        var phases = trace.Where(a => a.ParentSpanId == root.SpanId).OrderBy(a => a.StartTimeUtc).ToList();
        Assert.Equal(SeedPhases.All.Select(p => p.SpanName), phases.Select(p => p.DisplayName));
        Assert.Equal(
            ["phase 1 foundation", "phase 2 core banking", "phase 3 crm", "phase 4 employee development", "phase 5 loans", "phase 6 insurance", "phase 7 compliance"],
            phases.Select(p => p.DisplayName));

        var loads = trace.Where(a => phases.Any(p => p.SpanId == a.ParentSpanId)).ToList();
        Assert.Equal(34, loads.Count);
        Assert.All(loads, load =>
        {
            Assert.Equal($"load {load.GetTagItem("table")}", load.DisplayName);
            Assert.True((long)load.GetTagItem("rows")! > 0, $"{load.DisplayName} loaded no rows");

            // The indexes are rebuilt in the background, in a child span that ends after its parent may have.
            var index = Assert.Single(trace, a => a.ParentSpanId == load.SpanId);
            Assert.Equal($"index {load.GetTagItem("table")}", index.DisplayName);
            Assert.True((long)index.GetTagItem("bytes")! > 0, $"{index.DisplayName} has no size");
            Assert.True(index.StartTimeUtc >= load.StartTimeUtc);
        });
        Assert.Equal(run.TotalRows, loads.Sum(l => (long)l.GetTagItem("rows")!));
    }

    [Fact]
    public async Task A_bug_in_a_generator_marks_the_seed_span_failed_with_the_exception_and_its_stack_trace()
    {
        const int TracedSeed = 4711; // tells this run's span from any other seed's
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SeedTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await using var scope = await fixture.CreateOperationsAsync();
        var broken = new SeedOperations(
            scope.Connections, new DatabaseInventory(scope.Connections, NullLogger<DatabaseInventory>.Instance),
            NullLogger<SeedOperations>.Instance, TimeProvider.System, BrokenGenerator.Pipeline);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            broken.SeedAsync(new SeedOptions { Scale = 0.01, Seed = TracedSeed, AsOf = SeedPipelineTests.AsOf }, null, TestContext.Current.CancellationToken));

        var root = Assert.Single(stopped, a => a.DisplayName == "seed" && a.Parent is null && (int?)a.GetTagItem("seed") == TracedSeed);
        Assert.Equal(ActivityStatusCode.Error, root.Status);
        Assert.Equal(BrokenGenerator.Message, root.StatusDescription);
        var exception = Assert.Single(root.Events, e => e.Name == "exception");
        var tags = exception.Tags.ToDictionary(t => t.Key, t => t.Value as string, StringComparer.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, tags["exception.type"]);
        Assert.Equal(BrokenGenerator.Message, tags["exception.message"]);
        Assert.Contains("BrokenGenerator.ThrowingLoad.WriteTo(", tags["exception.stacktrace"], StringComparison.Ordinal);
    }
}
