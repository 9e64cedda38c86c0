using System.Net;
using System.Net.Http.Json;
using DHub.Core.Databases;
using DHub.Hosting.Postgres;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Faults;

/// <summary>
/// A bug in a generator (an exception no host expects, see <see cref="BrokenGenerator"/>) ends the
/// run as a failure: the seeder exits non-zero, the API's run ends "failed" and the API stays up,
/// both log the stack trace, and every database keeps the contents the fixture seeded.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Faults]
public sealed class GeneratorBugTests(LocalAppFixture fixture)
{
    private const string BrokenScale = "0.01";

    private static CancellationToken Token => FaultSupport.Token;

    [Fact]
    public async Task A_generator_bug_ends_the_seeder_with_a_non_zero_exit_code_and_its_stack_trace_and_changes_nothing()
    {
        var connectionStrings = await ConnectionStringsAsync();
        var before = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.True(before.TotalRows > 0, "the shared databases should be seeded");

        var environment = WithBrokenGenerator(connectionStrings);
        environment["DHub__Seed__Scale"] = BrokenScale;
        await using (var seeder = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Seeder().ProjectPath), environment))
        {
            await FaultSupport.WaitUntilAsync(() => seeder.HasExited, TimeSpan.FromMinutes(3), "the seeder to end");

            Assert.True(seeder.ExitCode != 0, $"the seeder exited with 0 on a bug:\n{seeder.Output}");
            Assert.Contains($"Seeding failed on an unexpected {BrokenGenerator.ExceptionType}", seeder.Output, StringComparison.Ordinal);
            AssertStackTraceOfTheBug(seeder.Output);
        }

        Assert.Empty(await FaultSupport.PreparedDhubGidsAsync(connectionStrings[DemoDatabases.Employees]));
        var after = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.Empty(before.TablesDifferingFrom(after));
    }

    [Fact]
    public async Task A_generator_bug_fails_the_api_run_with_a_clear_error_and_the_api_stays_up_and_runs_again()
    {
        var before = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.True(before.TotalRows > 0, "the shared databases should be seeded");

        var port = LoopbackPort.FindFree();
        var environment = WithBrokenGenerator(await ConnectionStringsAsync());
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["DHub__Api__Key"] = OwnApp.ApiKey;
        await using (var api = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Api().ProjectPath), environment))
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("X-Api-Key", OwnApp.ApiKey);
            await api.WaitUntilListeningAsync(client);

            var first = await RunToTheEndAsync(api, client);
            Assert.Equal("failed", first.Status);
            Assert.Equal($"Seeding failed on an unexpected {BrokenGenerator.ExceptionType}, a bug in DHub; the API's log has the details.", first.Error);
            Assert.NotNull(first.FinishedAt);

            // The run is over for the API too: it is alive, and a new run is accepted (not 409) and ends the same way.
            using (var alive = await client.GetAsync("/alive", Token))
            {
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            }

            var second = await RunToTheEndAsync(api, client);
            Assert.NotEqual(first.RunId, second.RunId);
            Assert.Equal("failed", second.Status);

            Assert.Contains($"Seed run {first.RunId} failed on an unexpected {BrokenGenerator.ExceptionType}", api.Output, StringComparison.Ordinal);
            AssertStackTraceOfTheBug(api.Output);
            Assert.False(api.HasExited, $"the API exited (code {(api.HasExited ? api.ExitCode : 0)}):\n{api.Output}");
        }

        var after = await DatabaseSnapshot.TakeAsync(fixture);
        Assert.Empty(before.TablesDifferingFrom(after));
    }

    /// <summary>The log shows the exception with the frame that threw: a maintainer sees where the bug is.</summary>
    private static void AssertStackTraceOfTheBug(string output)
    {
        Assert.Contains($"{typeof(InvalidOperationException).FullName}: {BrokenGenerator.Message}", output, StringComparison.Ordinal);
        Assert.Contains("at DHub.Tests.Faults.BrokenGenerator.ThrowingLoad.WriteTo(", output, StringComparison.Ordinal);
    }

    private static async Task<SeedRunAnswer> RunToTheEndAsync(ServiceProcess api, HttpClient client)
    {
        using var started = await client.PostAsJsonAsync("/api/seed", new { scale = double.Parse(BrokenScale, System.Globalization.CultureInfo.InvariantCulture) }, Token);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"POST /api/seed answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync(Token)}");
        var location = started.Headers.Location ?? throw new InvalidOperationException("No Location for the run.");

        SeedRunAnswer? run = null;
        await FaultSupport.WaitUntilAsync(async () =>
        {
            Assert.False(api.HasExited, $"the API exited (code {(api.HasExited ? api.ExitCode : 0)}):\n{api.Output}");
            run = await client.GetFromJsonAsync<SeedRunAnswer>(location, Token);
            return run is { Status: not "running" };
        }, TimeSpan.FromMinutes(3), "the seed run to end");
        return run!;
    }

    private static Dictionary<string, string> WithBrokenGenerator(IReadOnlyDictionary<string, string> connectionStrings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BrokenGenerator.StartupHookVariable] = BrokenGenerator.HookAssembly,
        };
        foreach (var (database, connectionString) in connectionStrings)
        {
            environment[$"ConnectionStrings__{database}"] = connectionString;
        }

        return environment;
    }

    private async Task<Dictionary<string, string>> ConnectionStringsAsync()
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in DemoDatabases.All)
        {
            strings[database] = await fixture.ConnectionStringAsync(database);
        }

        return strings;
    }

    private sealed record SeedRunAnswer(Guid RunId, string Status, string? Error, DateTimeOffset? FinishedAt);
}
