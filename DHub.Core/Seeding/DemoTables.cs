namespace DHub.Core.Seeding;

/// <summary>
/// The tables DHub owns: the ones the seed pipeline loads, and so the only ones a seed or a clear
/// may empty or touch the indexes of. Users may keep tables of their own in the same databases and
/// schema; those are never ours to truncate.
/// </summary>
public static class DemoTables
{
    /// <summary>Every demo table, in the pipeline's load order, which respects every foreign key.</summary>
    public static IReadOnlyList<DemoTable> InLoadOrder => Catalogue.Value.InLoadOrder;

    /// <summary>The demo tables of one database, in load order; none for a database that is not a demo database.</summary>
    public static IReadOnlyList<DemoTable> In(string database) =>
        Catalogue.Value.ByDatabase.TryGetValue(database, out var tables) ? tables : [];

    // Derived from the pipeline itself, so the list cannot drift from what a seed loads. A factory only
    // builds a lazy load (rows are generated when it is written), so a fresh context is enough to read
    // names and columns, and nothing is generated.
    private static readonly Lazy<(IReadOnlyList<DemoTable> InLoadOrder, IReadOnlyDictionary<string, IReadOnlyList<DemoTable>> ByDatabase)> Catalogue = new(() =>
    {
        var context = new SeedContext(new SeedOptions());
        var tables = SeedPhases.All
            .SelectMany(phase => phase.Tables)
            .Select(factory => factory(context))
            .Select(load => new DemoTable(load.Database, load.Table, load.Columns))
            .ToList();
        var byDatabase = tables
            .GroupBy(t => t.Database, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DemoTable>)g.ToList(), StringComparer.Ordinal);
        return (tables, byDatabase);
    });
}
