namespace DHub.Core.Seeding;

public enum SeedStep
{
    PhaseStarted,
    TableLoaded,
    Committing,
    Completed,
}

/// <summary>One step of a run, reported as it happens (a progress display or the API's run status).</summary>
public sealed record SeedProgress(
    SeedStep Step,
    int Phase,
    string PhaseName,
    string? Database = null,
    string? Table = null,
    long Rows = 0,
    TimeSpan Elapsed = default);
