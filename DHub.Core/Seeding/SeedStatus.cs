using DHub.Core.Databases;

namespace DHub.Core.Seeding;

public sealed record DatabaseRowCounts(string Database, IReadOnlyList<TableRowCount> Tables)
{
    public long TotalRows => Tables.Sum(t => t.Rows);
}

/// <summary>What is in the databases now, and the last seed that put it there.</summary>
public sealed record SeedStatus(IReadOnlyList<DatabaseRowCounts> Databases, SeedRun? LastRun)
{
    public long TotalRows => Databases.Sum(d => d.TotalRows);
}
