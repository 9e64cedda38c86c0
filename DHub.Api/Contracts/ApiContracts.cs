using DHub.Api.Seeding;
using DHub.Core.Databases;
using DHub.Core.Seeding;

namespace DHub.Api.Contracts;

public sealed record QueryRequest(string? Sql, int? Limit);

/// <summary>The answer of a query, as documented; <see cref="Databases.QueryResponseBuffer"/> writes it row by row.</summary>
public sealed record QueryResponse(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows, int RowCount, bool Truncated);

public sealed record SeedRequest(double? Scale, int? Seed, int? Customers, int? Employees)
{
    public SeedOptions ToOptions() => new()
    {
        Scale = Scale ?? 1.0,
        Seed = Seed ?? SeedOptions.DefaultSeed,
        Customers = Customers,
        Employees = Employees,
    };
}

public sealed record SeedStartedResponse(Guid RunId, string Status);

public sealed record SeedRunResponse(
    Guid RunId, string Status, double Scale, int Seed, int Phase, string? PhaseName, string? LastTable,
    int TablesLoaded, long RowsLoaded, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static SeedRunResponse From(SeedRunState run) => new(
        run.Id, run.Status.ToString().ToLowerInvariant(), run.Options.Scale, run.Options.Seed, run.Phase, run.PhaseName, run.LastTable,
        run.TablesLoaded, run.RowsLoaded, run.StartedAt, run.FinishedAt, run.Error);
}

public sealed record TableCountResponse(string Table, long Rows);

public sealed record DatabaseCountsResponse(string Database, long TotalRows, IReadOnlyList<TableCountResponse> Tables);

/// <summary>The run holding the tables: which phase of how many, the table it loads, and what it has loaded so far.</summary>
public sealed record SeedInProgressResponse(
    Guid? RunId, string? Kind, DateTimeOffset? StartedAt, int Phase, int Phases, string? PhaseName, string? Table,
    int TablesLoaded, int Tables, long RowsLoaded, DateTimeOffset? UpdatedAt)
{
    public static SeedInProgressResponse From(SeedInProgress run) => new(
        run.RunId, run.Kind, run.StartedAt, run.Phase, SeedInProgress.PhaseCount, run.PhaseName, run.Table,
        run.TablesLoaded, SeedInProgress.TableCount, run.RowsLoaded, run.UpdatedAt);
}

/// <summary>
/// The counts and the last run; while a seed or clear runs, <c>inProgress</c> describes it instead of
/// counts (<c>totalRows</c> null, <c>databases</c> empty): its tables stay locked until it commits.
/// </summary>
public sealed record SeedStatusResponse(SeedInProgressResponse? InProgress, long? TotalRows, IReadOnlyList<DatabaseCountsResponse> Databases, SeedRun? LastRun)
{
    public static SeedStatusResponse From(SeedStatus status) => new(
        status.InProgress is { } running ? SeedInProgressResponse.From(running) : null,
        status.InProgress is null ? status.TotalRows : null,
        [.. status.Databases.Select(d => new DatabaseCountsResponse(d.Database, d.TotalRows, [.. d.Tables.Select(t => new TableCountResponse(t.Table, t.Rows))]))],
        status.LastRun);
}
