using DHub.Core.Seeding.Generators;

namespace DHub.Core.Seeding;

public sealed partial class SeedContext
{
    private SeedIds? ids;

    /// <summary>Id formats salted with this run's seed: row n of a table always has the same id.</summary>
    internal SeedIds Ids => ids ??= new SeedIds(Options.Seed);
}
