using DHub.Core.Databases;

namespace DHub.Api.Endpoints;

public static class DatabaseEndpoints
{
    public static IEndpointRouteBuilder MapDatabaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/databases").WithTags("Databases");

        group.MapGet("/", async (DatabaseInventory inventory, CancellationToken cancellationToken) =>
            TypedResults.Ok((await inventory.SummarizeAsync(cancellationToken)).Select(DatabaseSummaryResponse.From)))
            .WithName("ListDatabases")
            .WithSummary("The six demo databases with reachability and table count.");

        return app;
    }
}

public sealed record DatabaseSummaryResponse(string Name, bool Reachable, int TableCount)
{
    public static DatabaseSummaryResponse From(DatabaseSummary summary) => new(summary.Name, summary.Reachable, summary.TableCount);
}
