namespace DHub.Core.Seeding;

/// <summary>The seven phases of the seed pipeline and their tables, in load order.</summary>
public static class SeedPhases
{
    public static IReadOnlyList<SeedPhase> All { get; } = [];
}
