using DHub.Core.Seeding;

namespace DHub.Cli.Output;

/// <summary>
/// Seed progress for a log or a pipe: one finished line per event, no cursor movement. Reported
/// synchronously on the seeding thread (unlike <see cref="Progress{T}"/>), so lines keep their order.
/// </summary>
public sealed class PlainSeedProgress(CliOutput output) : IProgress<SeedProgress>
{
    private readonly SeedProgressLines _lines = new();

    public void Report(SeedProgress value)
    {
        if (_lines.Next(value) is not { } line)
        {
            return;
        }

        output.WriteLine(line.Table is null
            ? line.Heading ?? ""
            : $"  {line.Table,-44} {line.RowsText,10} rows  {line.RateText,16}".TrimEnd());
    }
}
