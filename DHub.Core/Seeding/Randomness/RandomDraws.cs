namespace DHub.Core.Seeding.Randomness;

/// <summary>
/// Draws of dates, moments and amounts from a table's <see cref="SeedRandom"/>. Dates are always
/// computed from explicit bounds (usually the as-of day), never from the clock.
/// </summary>
internal static class RandomDraws
{
    /// <summary>A day in [from, to]; <paramref name="from"/> when the range is empty.</summary>
    public static DateOnly DateBetween(this SeedRandom random, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Number(0, to.DayNumber - from.DayNumber));

    /// <summary>A whole-second moment in [from, to]; <paramref name="from"/> when the range is empty.</summary>
    public static DateTime MomentBetween(this SeedRandom random, DateTime from, DateTime to) =>
        to <= from ? from : from.AddSeconds(random.Long(0, (long)(to - from).TotalSeconds));

    /// <summary>A moment on <paramref name="day"/> between the given hours (inclusive), to the second.</summary>
    public static DateTime TimeOn(this SeedRandom random, DateOnly day, int firstHour = 8, int lastHour = 17) =>
        day.ToDateTime(new TimeOnly(random.Number(firstHour, lastHour), random.Number(0, 59), random.Number(0, 59)));

    /// <summary>
    /// A moment during business hours (08:00-18:59) on a day in [from, to], kept inside [from, to]
    /// so an event never precedes its cause nor passes the as-of instant.
    /// </summary>
    public static DateTime BusinessMomentBetween(this SeedRandom random, DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return from;
        }

        var moment = random.TimeOn(random.DateBetween(DateOnly.FromDateTime(from), DateOnly.FromDateTime(to)), 8, 18);
        return moment < from ? from.AddMinutes(random.Number(5, 90)).Min(to) : moment.Min(to);
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public static bool Chance(this SeedRandom random, double probability) => random.Double() < probability;

    /// <summary>An amount in [min, max] rounded to cents.</summary>
    public static decimal Money(this SeedRandom random, decimal min, decimal max) =>
        Math.Round(random.Decimal(min, max), 2, MidpointRounding.AwayFromZero);

    /// <summary>A normally distributed value (Box-Muller), for quantities like ages that cluster around a mean.</summary>
    public static double Gaussian(this SeedRandom random, double mean, double standardDeviation)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary><paramref name="count"/> distinct indexes in [0, size), in random order (partial Fisher-Yates).</summary>
    public static int[] DistinctIndexes(this SeedRandom random, int size, int count)
    {
        var pool = Enumerable.Range(0, size).ToArray();
        count = Math.Min(count, size);
        for (var i = 0; i < count; i++)
        {
            var j = random.Number(i, size - 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
