namespace DHub.Core.Seeding.Randomness;

/// <summary>
/// A random stream for one entity of a table (one account's ledger, one customer's persona),
/// derived from the table's seed and the entity's index. Two tables that need the same facts
/// (accounts needs the final balance of the ledger that transactions later streams) can each
/// replay the entity's stream instead of keeping its rows in memory.
/// </summary>
internal static class EntityRandom
{
    public static SeedRandom For(SeedContext ctx, string stream, long index) =>
        new(Seed(ctx.Options.Seed, stream, index));

    public static int Seed(int runSeed, string stream, long index)
    {
        var tableSeed = (ulong)SeedRandom.TableSeed(runSeed, stream);
        return (int)(SeedIds.Mix((tableSeed << 32) ^ (ulong)index) & 0x7FFFFFFF);
    }
}
