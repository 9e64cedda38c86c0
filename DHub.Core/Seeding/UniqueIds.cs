using System.Globalization;

namespace DHub.Core.Seeding;

/// <summary>
/// Identifiers that look random but are unique by construction: the n-th id is a bijective
/// scramble of n, so no two rows can collide and nothing ever has to be redrawn.
/// </summary>
public static class UniqueIds
{
    /// <summary><c>PREFIX-</c> followed by <paramref name="hexDigits"/> upper-case hex digits (at most 16).</summary>
    public static string Hex(string prefix, long index, int hexDigits, ulong salt = 0)
    {
        var bits = hexDigits * 4;
        var mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var value = Scramble((ulong)index, bits, salt) & mask;
        return prefix + value.ToString("X" + hexDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A <paramref name="digits"/>-digit decimal number without a leading zero, unique per index
    /// (index * prime mod range is a bijection because the prime shares no factor with 9·10^(d-1)).
    /// </summary>
    public static string Digits(long index, int digits, long salt = 0)
    {
        var low = (long)Math.Pow(10, digits - 1);
        var range = 9 * low;
        if (index < 0 || index >= range)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Only {range} distinct {digits}-digit numbers exist.");
        }

        const long Prime = 1_000_000_007;
        var scrambled = (long)((((System.Numerics.BigInteger)index * Prime) + salt) % range);
        return (low + scrambled).ToString(CultureInfo.InvariantCulture);
    }

    // Each step (xor-shift, multiply by an odd constant, add) is invertible modulo 2^bits.
    private static ulong Scramble(ulong x, int bits, ulong salt)
    {
        var mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
        x = (x + salt) & mask;
        x = (x * 0x9E3779B97F4A7C15UL) & mask;
        x ^= x >> (bits / 2);
        x = (x * 0xBF58476D1CE4E5B9UL) & mask;
        x ^= x >> (bits / 2 + 1);
        return x & mask;
    }
}
