namespace DHub.Core.Seeding;

/// <summary>
/// The seed or clear that holds the seeding lock right now, as far as it has recorded itself
/// (<see cref="SeedProgressLog"/>). <see cref="RunId"/> is null in the moment between a run taking
/// the lock and recording itself, and while a recovery of prepared transactions holds the lock.
/// </summary>
public sealed record SeedInProgress(
    Guid? RunId,
    string? Kind,
    DateTimeOffset? StartedAt,
    int Phase,
    string? PhaseName,
    string? Table,
    int TablesLoaded,
    long RowsLoaded,
    DateTimeOffset? UpdatedAt)
{
    public static SeedInProgress Unidentified { get; } = new(null, null, null, 0, null, null, 0, 0, null);

    /// <summary>The number of phases of a seed (a clear has none).</summary>
    public static int PhaseCount => SeedPhases.All.Count;

    /// <summary>The number of tables a seed loads.</summary>
    public static int TableCount => DemoTables.InLoadOrder.Count;
}
