using DHub.Api.Contracts;
using DHub.Api.Databases;
using DHub.Core.Databases;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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

        group.MapGet("/{db}", async (string db, ServerCatalog catalog, CancellationToken cancellationToken) =>
            TypedResults.Ok(await catalog.GetInfoAsync(RequireDemoDatabase(db), cancellationToken)))
            .WithName("GetDatabaseInfo")
            .WithSummary("Server version, size and active connections of one database.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{db}/tables", async (string db, ServerCatalog catalog, CancellationToken cancellationToken) =>
            TypedResults.Ok(await catalog.ListTablesAsync(RequireDemoDatabase(db), cancellationToken)))
            .WithName("ListTables")
            .WithSummary("Tables and views of one database.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{db}/test", async (string db, ServerCatalog catalog, CancellationToken cancellationToken) =>
            TypedResults.Ok(await catalog.TestAsync(RequireDemoDatabase(db), cancellationToken)))
            .WithName("TestDatabase")
            .WithSummary("Whether one database answers a trivial query.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{db}/query", async (string db, [FromBody] QueryRequest request, ReaderConnectionProvider readers, QueryTimeout timeout,
                MaxResultBytes maxResult, IOptions<HttpJsonOptions> json, HttpResponse response, CancellationToken cancellationToken) =>
            {
                var database = RequireDemoDatabase(db);
                var query = new SqlQuery(request.Sql ?? "", request.Limit ?? SqlQuery.DefaultLimit, AllowWrite: false, TimeoutSeconds: timeout.Seconds,
                    MaxResultBytes: maxResult.Bytes);
                var reader = await readers.GetAsync(cancellationToken);
                await using var body = new QueryResponseBuffer(maxResult.Bytes, json.Value.SerializerOptions);
                var summary = await SqlQueryRunner.RunAsync(reader.For(database), query, body, cancellationToken);
                await body.SendAsync(response, summary, cancellationToken);
            })
            .WithName("QueryDatabase")
            .WithSummary("Runs one read-only SQL statement as dhub_reader, with a statement timeout, a row cap and a cap on the bytes of the answer.")
            .Produces<QueryResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    /// <summary>Only the six demo databases are served; anything else (including traversal attempts) is a 404.</summary>
    private static string RequireDemoDatabase(string name) =>
        DemoDatabases.IsDemoDatabase(name) ? name : throw new UnknownDatabaseException(name);
}

public sealed record DatabaseSummaryResponse(string Name, bool Reachable, int TableCount)
{
    public static DatabaseSummaryResponse From(DatabaseSummary summary) => new(summary.Name, summary.Reachable, summary.TableCount);
}
