using Bogus;

namespace DHub.Core.Seeding.Randomness;

/// <summary>
/// A seeded random stream for one table (or one entity of a table), with the draws the generators
/// use. Each table derives its seed from the run seed and its name, so the order in which tables are
/// generated cannot change any table's contents.
/// </summary>
/// <remarks>
/// Why not Bogus's <see cref="Randomizer"/>: it takes one process-wide lock on every draw, so that
/// its global default stream is thread-safe. A profile of a scale-10 seed put half of the loader
/// thread's time in that lock (docs/performance.md). A stream here is owned by one generator on one
/// thread, so it needs no lock; it is a seeded <see cref="Random"/>, whose sequence .NET keeps
/// stable for a given seed. The ranges follow Bogus's conventions (upper bounds inclusive).
/// Bogus still supplies names, addresses and companies, through a <see cref="Faker"/> seeded from
/// a stream of its own (<see cref="FakerFor"/>).
/// </remarks>
public sealed class SeedRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The stream of <paramref name="table"/> in the run seeded with <paramref name="runSeed"/>.</summary>
    public static SeedRandom ForTable(int runSeed, string table) => new(TableSeed(runSeed, table));

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

    /// <summary>A Bogus <see cref="Faker"/> (en locale) for the datasets of <paramref name="table"/>, driven only by the run seed.</summary>
    public static Faker FakerFor(int runSeed, string table) =>
        new("en") { Random = new Randomizer(TableSeed(runSeed, table + "/datasets")) };

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public int Number(int min, int max) =>
        max < int.MaxValue ? _random.Next(min, max + 1) : (int)_random.NextInt64(min, (long)max + 1);

    /// <summary>An integer in [0, <paramref name="max"/>], inclusive.</summary>
    public int Number(int max) => Number(0, max);

    /// <summary>A long in [<paramref name="min"/>, <paramref name="max"/>], both inclusive.</summary>
    public long Long(long min, long max) =>
        max < long.MaxValue ? _random.NextInt64(min, max + 1) : _random.NextInt64(min, max);

    /// <summary>A double in [0, 1).</summary>
    public double Double() => _random.NextDouble();

    /// <summary>A decimal in [<paramref name="min"/>, <paramref name="max"/>), with a double's 15 significant digits (callers round it).</summary>
    public decimal Decimal(decimal min, decimal max) => min + ((max - min) * (decimal)_random.NextDouble());

    public T ArrayElement<T>(T[] items) => items[_random.Next(items.Length)];

    public T ArrayElement<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Replaces every <c>#</c> with a digit and every <c>?</c> with an upper-case letter.</summary>
    public string Replace(string format) => string.Create(format.Length, (format, _random), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.format[i] switch
            {
                '#' => (char)('0' + state._random.Next(10)),
                '?' => (char)('A' + state._random.Next(26)),
                var other => other,
            };
        }
    });
}
