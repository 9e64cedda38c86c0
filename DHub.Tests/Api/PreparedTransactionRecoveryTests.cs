using System.Net;
using Aspire.Hosting.ApplicationModel;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Hosting.Postgres;
using DHub.Tests.Faults;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DHub.Tests.Api;

/// <summary>
/// A crashed run's prepared transaction keeps its tables locked: /health says so until an API, at
/// its start, finishes it. The starting API is a second API process over the fixture's databases.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Faults]
public sealed class PreparedTransactionRecoveryTests(LocalAppFixture fixture)
{
    private const string RecoveryDone = "Start-up recovery of prepared transactions done";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_crashed_runs_prepared_transaction_degrades_health_until_a_starting_api_rolls_it_back()
    {
        // The fixture's API checks for prepared transactions once at its start; staged before that check
        // is over, the crash below would be recovered by it, not by the API this test starts.
        Assert.Contains(await ApiLogLinesAsync(line => line.Contains(RecoveryDone, StringComparison.Ordinal)),
            line => line.Contains(RecoveryDone, StringComparison.Ordinal));
        var admin = await fixture.ConnectionStringAsync(DemoDatabases.Employees);
        var before = await DatabaseSnapshot.TakeAsync(fixture);
        // A run that crashed after PREPARE and before any COMMIT PREPARED: its record is nowhere, so it must be rolled back.
        var gid = PreparedTransactionRecovery.Gid(Guid.NewGuid(), DemoDatabases.Customer);
        await ExecuteAsync(DemoDatabases.Customer, $"BEGIN; DELETE FROM satisfaction_surveys; PREPARE TRANSACTION '{gid}'");
        try
        {
            Assert.Equal([gid], await FaultSupport.PreparedDhubGidsAsync(admin));
            using (var degraded = await fixture.Api.GetAsync("/health", Token))
            {
                // Degraded still answers 200: the API serves everything but reads of the locked tables.
                Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
                Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync(Token));
            }

            // The health check's description names it; ASP.NET logs a degraded check's description as a warning.
            Assert.Contains(await ApiLogLinesAsync(line => line.Contains(gid, StringComparison.Ordinal)),
                line => line.Contains("prepared transactions of an interrupted run", StringComparison.Ordinal));

            await using (var api = await StartApiAsync())
            {
                await FaultSupport.WaitUntilAsync(async () =>
                    {
                        Assert.False(api.HasExited, $"the API exited:\n{api.Output}");
                        return (await FaultSupport.PreparedDhubGidsAsync(admin)).Count == 0;
                    },
                    TimeSpan.FromMinutes(1), "the starting API to recover the prepared transaction");
                Assert.Contains("Recovered interrupted run", api.Output, StringComparison.Ordinal);
            }

            Assert.Empty(before.TablesDifferingFrom(await DatabaseSnapshot.TakeAsync(fixture)));
            using var healthy = await fixture.Api.GetAsync("/health", Token);
            Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync(Token));
        }
        finally
        {
            // Whatever failed, the other tests of the collection need the table unlocked.
            if ((await FaultSupport.PreparedDhubGidsAsync(admin)).Contains(gid))
            {
                await ExecuteAsync(DemoDatabases.Customer, $"ROLLBACK PREPARED '{gid}'");
            }
        }
    }

    /// <summary>The API as its own process over the fixture's databases; returns once it listens.</summary>
    private async Task<ServiceProcess> StartApiAsync()
    {
        var port = LoopbackPort.FindFree();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DHub__Api__Key"] = LocalAppFixture.ApiKey,
        };
        foreach (var database in DemoDatabases.All)
        {
            environment[$"ConnectionStrings__{database}"] = await fixture.ConnectionStringAsync(database);
        }

        var api = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Api().ProjectPath), environment);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await api.WaitUntilListeningAsync(client);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await fixture.OpenAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    /// <summary>The API's console lines so far and from now on, until one matches <paramref name="until"/> (or 30 s pass).</summary>
    private async Task<List<string>> ApiLogLinesAsync(Func<string, bool> until)
    {
        var api = await fixture.App.ResourceNotifications.WaitForResourceAsync("api", _ => true, Token);
        var lines = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await foreach (var batch in fixture.App.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(api.ResourceId).WithCancellation(deadline.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
                if (lines.Any(until))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            // Not found in time: the caller's assertion reports it with the lines seen.
        }

        return lines;
    }
}
