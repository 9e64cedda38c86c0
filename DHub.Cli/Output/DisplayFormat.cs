using System.Globalization;

namespace DHub.Cli.Output;

/// <summary>How numbers, sizes and durations read in tables: invariant culture, so output is the same on every machine.</summary>
public static class DisplayFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(long rows, TimeSpan elapsed) =>
        elapsed.TotalSeconds > 0 ? $"{(rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture)} rows/s" : "";

    public static string Seconds(TimeSpan elapsed) => $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : $"{value.ToString("0.0", CultureInfo.InvariantCulture)} {units[unit]}";
    }

    /// <summary>One query result cell as text; dates in ISO form, NULL spelled out.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "NULL",
        // Npgsql reads timestamptz as a UTC DateTime; say so, or it reads as local time.
        DateTime { Kind: DateTimeKind.Utc } utc => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + " UTC",
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset offset => offset.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
