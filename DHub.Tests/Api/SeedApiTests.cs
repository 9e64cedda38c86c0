using System.Net;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeedApiTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    [InlineData("test-api-key-012345678", HttpStatusCode.Forbidden)] // a prefix of the real key
    public async Task State_changing_endpoints_require_the_api_key(string? key, HttpStatusCode expected)
    {
        var start = await fixture.Api.SendAsync(ApiTestClient.Post("/api/seed", new { scale = 0.1 }).WithKey(key), Token);
        var clear = await fixture.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/seed").WithKey(key), Token);

        Assert.Equal(expected, start.StatusCode);
        Assert.Equal(expected, clear.StatusCode);
        await start.ProblemAsync();
        await clear.ProblemAsync();
    }

    [Theory]
    [InlineData("""{"scale": 0}""")]
    [InlineData("""{"scale": -1}""")]
    [InlineData("""{"scale": 1000.5}""")]
    [InlineData("""{"scale": 1e309}""")]
    [InlineData("""{"scale": "big"}""")]
    [InlineData("""{"seed": 1.5}""")]
    [InlineData("""{"customers": 3}""")]
    [InlineData("""[1, 2]""")]
    public async Task Invalid_seed_requests_are_400_problems(string body)
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.PostRaw("/api/seed", body).WithKey(), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Unknown_runs_are_404_problems()
    {
        var response = await fixture.Api.GetAsync($"/api/seed/runs/{Guid.NewGuid()}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_background_run_reports_progress_a_second_run_conflicts_and_clear_empties_the_tables()
    {
        var started = await fixture.Api.SendAsync(ApiTestClient.Post("/api/seed", new { scale = 0.1, seed = 11 }).WithKey(), Token);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.JsonAsync()).GetProperty("runId").GetGuid();
        Assert.Equal($"/api/seed/runs/{runId}", started.Headers.Location?.OriginalString);

        var conflict = await fixture.Api.SendAsync(ApiTestClient.Post("/api/seed", new { scale = 0.1 }).WithKey(), Token);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        await conflict.ProblemAsync();

        var run = await WaitForRunAsync(runId);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(34, run.GetProperty("tablesLoaded").GetInt32());

        var status = await (await fixture.Api.GetAsync("/api/seed/status", Token)).JsonAsync();
        Assert.Equal(run.GetProperty("rowsLoaded").GetInt64(), status.GetProperty("totalRows").GetInt64());
        Assert.Equal(11, status.GetProperty("lastRun").GetProperty("seed").GetInt32());

        var cleared = await fixture.Api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/seed").WithKey(), Token);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        var empty = await (await fixture.Api.GetAsync("/api/seed/status", Token)).JsonAsync();
        Assert.Equal(0, empty.GetProperty("totalRows").GetInt64());

        // Leave the shared databases seeded for the other tests of the collection.
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(new DHub.Core.Seeding.SeedOptions { Scale = 0.1 }, null, Token);
    }

    [Fact]
    public async Task A_status_blocked_by_another_transactions_table_lock_answers_a_504_problem_at_the_query_timeout()
    {
        HttpResponseMessage response;
        await using (await HeldTableLock.TakeAsync(fixture, DHub.Core.Databases.DemoDatabases.Loans, "loans"))
        {
            response = await fixture.Api.GetAsync("/api/seed/status", Token);
        }

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Database timed out", problem.GetProperty("title").GetString());
        Assert.Contains($"loans_db took longer than {LocalAppFixture.QueryTimeoutSeconds} s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Once the lock is gone the same endpoint answers again.
        Assert.Equal(6, (await (await fixture.Api.GetAsync("/api/seed/status", Token)).JsonAsync()).GetProperty("databases").GetArrayLength());
    }

    [Fact]
    public async Task A_status_during_a_seed_answers_200_with_the_run_in_progress_rather_than_a_504()
    {
        HttpResponseMessage response;
        DHub.Core.Seeding.SeedRun run;
        await using (var seed = await HeldSeed.StartAsync(fixture, tables: 3))
        {
            // Waiting for the seed's tables would end in a 504 after the fixture's query timeout.
            response = await fixture.Api.GetAsync("/api/seed/status", Token);
            run = await seed.FinishAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.JsonAsync();
        var progress = status.GetProperty("inProgress");
        Assert.Equal(run.RunId, progress.GetProperty("runId").GetGuid());
        Assert.Equal("seed", progress.GetProperty("kind").GetString());
        Assert.Equal(3, progress.GetProperty("tablesLoaded").GetInt32());
        Assert.Equal(34, progress.GetProperty("tables").GetInt32());
        Assert.True(progress.GetProperty("rowsLoaded").GetInt64() > 0);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("totalRows").ValueKind);
        Assert.Equal(0, status.GetProperty("databases").GetArrayLength());

        var after = await (await fixture.Api.GetAsync("/api/seed/status", Token)).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("inProgress").ValueKind);
        Assert.Equal(run.RunId, after.GetProperty("lastRun").GetProperty("runId").GetGuid());
        Assert.Equal(6, after.GetProperty("databases").GetArrayLength());
    }

    private async Task<System.Text.Json.JsonElement> WaitForRunAsync(Guid runId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var run = await (await fixture.Api.GetAsync($"/api/seed/runs/{runId}", Token)).JsonAsync();
            if (run.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(200, Token);
        }
    }
}
