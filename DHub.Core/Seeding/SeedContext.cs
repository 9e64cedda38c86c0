using Bogus;

namespace DHub.Core.Seeding;

/// <summary>
/// State shared between the tables of one run: the options, the bank's "today", and the compact
/// registries of ids that later tables reference (declared in the SeedContext.*.cs partial files).
/// Only what later tables need is kept, never whole rows of the big tables.
/// </summary>
public sealed partial class SeedContext(SeedOptions options)
{
    public SeedOptions Options { get; } = options;

    public DateOnly AsOf => Options.AsOf;

    /// <summary>End of the as-of day: the latest instant a past event may have.</summary>
    public DateTime AsOfEndOfDay => AsOf.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>The random stream of <paramref name="table"/> in this run.</summary>
    public SeedRandom RandomFor(string table) => SeedRandom.ForTable(Options.Seed, table);

    /// <summary>Names, addresses and companies for <paramref name="table"/>, from a stream of their own.</summary>
    public Faker FakerFor(string table) => SeedRandom.FakerFor(Options.Seed, table);
}
