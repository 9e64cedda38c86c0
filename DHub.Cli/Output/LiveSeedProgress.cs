using DHub.Core.Seeding;
using Spectre.Console;

namespace DHub.Cli.Output;

/// <summary>
/// Seed progress for a terminal: a table that grows in place, one row per phase and table, so the
/// screen shows the whole run without scrolling a log past.
/// </summary>
public sealed class LiveSeedProgress : IProgress<SeedProgress>
{
    private readonly SeedProgressLines _lines = new();
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;

    // One name column (phases in bold, their tables indented below) keeps rows within 80 columns.
    public Table Table { get; } = new Table()
        .Border(TableBorder.Simple)
        .AddColumn(new TableColumn("Phase / table").NoWrap())
        .AddColumn(new TableColumn("Rows").RightAligned().NoWrap())
        .AddColumn(new TableColumn("Rate").RightAligned().NoWrap());

    /// <summary>Runs <paramref name="work"/> while the table is displayed live on <paramref name="console"/>.</summary>
    public async Task<T> ShowWhileAsync<T>(IAnsiConsole console, Func<Task<T>> work)
    {
        T result = default!;
        await console.Live(Table).AutoClear(false).StartAsync(async context =>
        {
            lock (_gate)
            {
                _context = context;
            }

            result = await work();
        });
        return result;
    }

    public void Report(SeedProgress value)
    {
        if (_lines.Next(value) is not { } line)
        {
            return;
        }

        lock (_gate)
        {
            var name = line.Table is null ? new Text(line.Heading ?? "", new Style(decoration: Decoration.Bold)) : new Text($"  {line.Table}");
            Table.AddRow(name, new Text(line.RowsText), new Text(line.RateText));
            _context?.Refresh();
        }
    }
}
