namespace DHub.Core.Seeding;

/// <summary>The record of a completed run, kept in every database's <c>dhub.seed_runs</c> table.</summary>
public sealed record SeedRun(
    Guid RunId,
    int Seed,
    double Scale,
    int Customers,
    int Employees,
    DateOnly AsOf,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyDictionary<string, long> RowCounts)
{
    public long TotalRows => RowCounts.Values.Sum();
}
