using DHub.Api.Security;
using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Operations;
using DHub.Core.DataHub.Recipes;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace DHub.Api.Endpoints;

/// <summary>The DataHub commands over HTTP: recipes, the MCP file, and emission to the configured GMS.</summary>
public static class DataHubEndpoints
{
    public static IEndpointRouteBuilder MapDataHubEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/datahub").WithTags("DataHub");

        group.MapGet("/recipe", (string[]? db, bool? allInOne, string? target, DataHubCatalog catalog, DatabaseConnections connections) =>
            {
                var options = new IngestionRecipeOptions
                {
                    Databases = RequireDemoDatabases(db),
                    Target = ParseTarget(target),
                    PostgresPort = new NpgsqlConnectionStringBuilder(connections.For(DemoDatabases.Employees).ConnectionString).Port,
                };
                var generator = new IngestionRecipeGenerator(catalog);
                IReadOnlyList<IngestionRecipe> recipes = allInOne == true ? [generator.AllInOne(options)] : generator.PerDatabase(options);
                return TypedResults.Ok(recipes);
            })
            .WithName("GetIngestionRecipes")
            .WithSummary("postgres → datahub-rest ingestion recipes, one per database or one for all (allInOne=true); target=host|docker. Secrets appear as ${POSTGRES_PASSWORD} and ${DATAHUB_TOKEN}.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/mcps", async (string[]? db, DataHubCatalog catalog, DataHubOperations operations, CancellationToken cancellationToken) =>
            {
                var built = await operations.BuildAsync(catalog, new DataHubRunRequest { Databases = RequireDemoDatabases(db) }, cancellationToken);
                return Results.Text(McpJson.ToFile(built.Proposals), "application/json");
            })
            .WithName("GetMcps")
            .WithSummary("The JSON array of metadata change proposals that `datahub ingest mcps` reads.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/emit", async ([FromBody] EmitRequest? request, DataHubCatalog catalog, DataHubOperations operations, IConfiguration configuration, CancellationToken cancellationToken) =>
            {
                var dryRun = request?.DryRun ?? false;
                if (!dryRun && string.IsNullOrWhiteSpace(configuration["DHub:DataHub:GmsUrl"]))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No DataHub configured",
                        detail: "Set DHub:DataHub:GmsUrl (and the secret parameter datahub-token) on the AppHost, or send {\"dryRun\": true}.");
                }

                var result = await operations.PublishAsync(catalog,
                    new DataHubRunRequest { Databases = RequireDemoDatabases(request?.Databases), DryRun = dryRun }, null, cancellationToken);
                return Results.Ok(result);
            })
            .AddEndpointFilter<ApiKeyEndpointFilter>()
            .WithName("EmitToDataHub")
            .WithSummary("Sends the metadata to the configured DataHub GMS in batches of at most 200 (requires X-Api-Key); dryRun only builds and counts.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        return app;
    }

    private static IReadOnlyList<string> RequireDemoDatabases(IReadOnlyList<string>? names) =>
        names is null || names.Count == 0
            ? DemoDatabases.All
            : [.. names.Select(name => DemoDatabases.IsDemoDatabase(name) ? name : throw new UnknownDatabaseException(name)).Distinct()];

    private static RecipeTarget ParseTarget(string? target) => target?.ToLowerInvariant() switch
    {
        null or "" or "host" => RecipeTarget.Host,
        "docker" => RecipeTarget.Docker,
        _ => throw new BadHttpRequestException($"target must be 'host' or 'docker'; got '{target}'."),
    };
}

public sealed record EmitRequest(bool? DryRun, string[]? Databases);
