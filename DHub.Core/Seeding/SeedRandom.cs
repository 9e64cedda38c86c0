using Bogus;

namespace DHub.Core.Seeding;

/// <summary>
/// One independent, seeded random stream per table. Deriving each table's seed from the run seed
/// and the table's name means the order in which tables are generated (or loaded concurrently)
/// cannot change any table's contents.
/// </summary>
public static class SeedRandom
{
    public static int TableSeed(int runSeed, string table)
    {
        // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in table)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= (uint)runSeed * 2654435761u;
        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>A Bogus <see cref="Faker"/> (en locale) driven only by the table's seed.</summary>
    public static Faker FakerFor(int runSeed, string table) =>
        new("en") { Random = new Randomizer(TableSeed(runSeed, table)) };
}
