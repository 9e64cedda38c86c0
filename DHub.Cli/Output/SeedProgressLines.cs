using DHub.Core.Seeding;

namespace DHub.Cli.Output;

/// <summary>
/// Turns Core's progress events into display lines. Events carry the time since the run started;
/// a table's own time is the gap since the previous event, which is what its rate is computed over.
/// </summary>
public sealed class SeedProgressLines
{
    private TimeSpan _previous;

    /// <summary>The line for <paramref name="progress"/>, or null for the end of the run (the summary table says it).</summary>
    public SeedProgressLine? Next(SeedProgress progress)
    {
        var tableTime = progress.Elapsed - _previous;
        _previous = progress.Elapsed;
        return progress.Step switch
        {
            SeedStep.PhaseStarted => new SeedProgressLine($"phase {progress.Phase} {progress.PhaseName}", null, null, null),
            SeedStep.TableLoaded => new SeedProgressLine(null, $"{progress.Database}.{progress.Table}", progress.Rows, tableTime),
            SeedStep.Committing => new SeedProgressLine("commit (all six databases at once)", null, null, null),
            _ => null,
        };
    }
}
