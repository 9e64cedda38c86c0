namespace DHub.Cli.Output;

/// <summary>
/// One line of seed progress: a heading (a phase starting, the commit) or a loaded table with its
/// row count and the rate it was generated and written at.
/// </summary>
public sealed record SeedProgressLine(string? Heading, string? Table, long? Rows, TimeSpan? TableTime)
{
    public string RowsText => Rows is { } rows ? DisplayFormat.Count(rows) : "";

    public string RateText => Rows is { } rows && TableTime is { } time ? DisplayFormat.Rate(rows, time) : "";
}
