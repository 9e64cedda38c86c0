using DHub.Api.Contracts;
using DHub.Api.Databases;
using DHub.Api.Security;
using DHub.Api.Seeding;
using DHub.Core.Seeding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DHub.Api.Endpoints;

public static class SeedEndpoints
{
    public static IEndpointRouteBuilder MapSeedEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/seed").WithTags("Seeding");

        group.MapGet("/status", async (SeedOperations operations, QueryTimeout timeout, CancellationToken cancellationToken) =>
                TypedResults.Ok(SeedStatusResponse.From(await operations.GetStatusAsync(timeout.AsTimeSpan, cancellationToken))))
            .WithName("GetSeedStatus")
            .WithSummary("Row counts per database and table, and the last completed run. While a seed or clear runs, answers at once with that run (inProgress) instead of counts. Answers 504 when another transaction keeps a table locked past the statement timeout.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        group.MapPost("/", ([FromBody] SeedRequest request, SeedRunCoordinator coordinator) =>
            {
                var run = coordinator.Start(request.ToOptions());
                return TypedResults.Accepted($"/api/seed/runs/{run.Id}", new SeedStartedResponse(run.Id, "running"));
            })
            .AddEndpointFilter<ApiKeyEndpointFilter>()
            .WithName("StartSeed")
            .WithSummary("Starts a seed run in the background (requires X-Api-Key). Poll the returned location for progress.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/runs/{id:guid}", Results<Ok<SeedRunResponse>, ProblemHttpResult> (Guid id, SeedRunCoordinator coordinator) =>
                coordinator.Find(id) is { } run
                    ? TypedResults.Ok(SeedRunResponse.From(run))
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown run", detail: $"No seed run with id {id} was started by this API."))
            .WithName("GetSeedRun")
            .WithSummary("Progress of a seed run started through this API.");

        group.MapDelete("/", async Task<NoContent> (SeedOperations operations, SeedRunCoordinator coordinator, CancellationToken cancellationToken) =>
            {
                if (coordinator.IsBusy)
                {
                    throw new SeedAlreadyRunningException();
                }

                await operations.ClearAsync(cancellationToken);
                return TypedResults.NoContent();
            })
            .AddEndpointFilter<ApiKeyEndpointFilter>()
            .WithName("ClearData")
            .WithSummary("Empties all 34 tables and restarts their identities (requires X-Api-Key).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }
}
