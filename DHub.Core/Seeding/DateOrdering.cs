namespace DHub.Core.Seeding;

/// <summary>Ordering helpers for dates and moments, which have no Math.Min overloads.</summary>
internal static class DateOrdering
{
    public static DateOnly Min(this DateOnly a, DateOnly b) => a <= b ? a : b;

    public static DateOnly Max(this DateOnly a, DateOnly b) => a >= b ? a : b;

    public static DateTime Min(this DateTime a, DateTime b) => a <= b ? a : b;

    public static DateTime Max(this DateTime a, DateTime b) => a >= b ? a : b;

    public static DateOnly Day(this DateTime moment) => DateOnly.FromDateTime(moment);
}
