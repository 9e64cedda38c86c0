using DHub.Core.Databases;

namespace DHub.Core.Seeding;

public sealed record DatabaseRowCounts(string Database, IReadOnlyList<TableRowCount> Tables)
{
    public long TotalRows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// What is in the databases now, and the last seed that put it there. While a seed or clear runs,
/// <see cref="InProgress"/> describes it and <see cref="Databases"/> is empty: the run holds the
/// tables locked until it commits, so nothing can be counted.
/// </summary>
public sealed record SeedStatus(IReadOnlyList<DatabaseRowCounts> Databases, SeedRun? LastRun, SeedInProgress? InProgress = null)
{
    public long TotalRows => Databases.Sum(d => d.TotalRows);
}
