using System.Diagnostics;

namespace DHub.Benchmarks;

/// <summary>
/// Watches this process while a measured step runs: the highest working set and managed
/// heap seen (sampled every few milliseconds on a background thread), the kernel's high-water mark,
/// what the garbage collector did in between, and the CPU time used.
/// </summary>
public sealed class ProcessSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
    private readonly int[] _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly TimeSpan _cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _workingSetBefore = Environment.WorkingSet;
    private long _maxWorkingSet;
    private long _maxHeap;

    public ProcessSampler()
    {
        _maxWorkingSet = _workingSetBefore;
        _maxHeap = GC.GetTotalMemory(forceFullCollection: false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>Stops sampling and returns what was seen since construction.</summary>
    public ProcessFigures Stop()
    {
        _stop.Set();
        _thread.Join();
        TakeSample();

        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new ProcessFigures(
            WorkingSetBeforeMb: Mb(_workingSetBefore),
            PeakWorkingSetMb: Mb(_maxWorkingSet),
            ProcessPeakWorkingSetMb: Mb(process.PeakWorkingSet64),
            PeakManagedHeapMb: Mb(_maxHeap),
            HeapAfterLastGcMb: Mb(info.HeapSizeBytes),
            AllocatedMb: Mb(GC.GetTotalAllocatedBytes(precise: false) - _allocatedBefore),
            Gen0Collections: GC.CollectionCount(0) - _collectionsBefore[0],
            Gen1Collections: GC.CollectionCount(1) - _collectionsBefore[1],
            Gen2Collections: GC.CollectionCount(2) - _collectionsBefore[2],
            GcPauseMs: Math.Round((GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds, 1),
            ClientCpuSeconds: Math.Round((process.TotalProcessorTime - _cpuBefore).TotalSeconds, 2));
    }

    public void Dispose()
    {
        if (!_stop.IsSet)
        {
            _stop.Set();
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Sample()
    {
        while (!_stop.Wait(Interval))
        {
            TakeSample();
        }
    }

    private void TakeSample()
    {
        InterlockedMax(ref _maxWorkingSet, Environment.WorkingSet);
        InterlockedMax(ref _maxHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1048576.0, 1);
}

/// <param name="WorkingSetBeforeMb">Working set when the step started.</param>
/// <param name="PeakWorkingSetMb">Highest working set sampled during the step.</param>
/// <param name="ProcessPeakWorkingSetMb">The kernel's high-water mark for the whole process so far (VmHWM).</param>
/// <param name="PeakManagedHeapMb">Highest managed heap size sampled (live and not yet collected objects).</param>
/// <param name="HeapAfterLastGcMb">Managed heap size right after the last collection.</param>
/// <param name="AllocatedMb">Managed bytes allocated during the step.</param>
/// <param name="ClientCpuSeconds">CPU time of this process (all threads) during the step.</param>
public sealed record ProcessFigures(
    double WorkingSetBeforeMb,
    double PeakWorkingSetMb,
    double ProcessPeakWorkingSetMb,
    double PeakManagedHeapMb,
    double HeapAfterLastGcMb,
    double AllocatedMb,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseMs,
    double ClientCpuSeconds);
