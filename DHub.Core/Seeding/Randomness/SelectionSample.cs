namespace DHub.Core.Seeding.Randomness;

/// <summary>
/// Knuth's selection sampling: walks a population of known size once and takes exactly
/// <c>wanted</c> members, each equally likely, without holding the population in memory.
/// </summary>
internal sealed class SelectionSample(int wanted, int population)
{
    private int _needed = Math.Clamp(wanted, 0, Math.Max(0, population));
    private int _remaining = population;

    /// <summary>Whether the next member of the population is taken. Call once per member, in order.</summary>
    public bool Next(SeedRandom random)
    {
        if (_remaining <= 0)
        {
            return false;
        }

        var take = random.Number(0, _remaining - 1) < _needed;
        _remaining--;
        if (take)
        {
            _needed--;
        }

        return take;
    }
}
