namespace DHub.Core.Seeding;

/// <summary>
/// The phases a seed runs, in order. Hosts register <see cref="Default"/>; a host that seeds a
/// different set of tables (or a deliberately broken one, to see how failures end) registers its own.
/// </summary>
public sealed record SeedPipeline(IReadOnlyList<SeedPhase> Phases)
{
    /// <summary>The seven phases of <see cref="SeedPhases.All"/>: all 34 demo tables.</summary>
    public static SeedPipeline Default { get; } = new(SeedPhases.All);
}
