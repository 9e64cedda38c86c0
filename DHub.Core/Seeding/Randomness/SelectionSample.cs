namespace DHub.Core.Seeding.Randomness;

/// <summary>
/// Knuth's selection sampling: walks a population of known size once and takes exactly
/// <c>wanted</c> members, each equally likely, without holding the population in memory.
/// </summary>
internal sealed class SelectionSample(int wanted, int population)
{
    private int needed = Math.Clamp(wanted, 0, Math.Max(0, population));
    private int remaining = population;

    /// <summary>Whether the next member of the population is taken. Call once per member, in order.</summary>
    public bool Next(SeedRandom random)
    {
        if (remaining <= 0)
        {
            return false;
        }

        var take = random.Number(0, remaining - 1) < needed;
        remaining--;
        if (take)
        {
            needed--;
        }

        return take;
    }
}
