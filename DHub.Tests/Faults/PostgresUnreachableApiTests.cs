using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Faults;

/// <summary>An app of its own (the server gets stopped), seeded small, with the API up.</summary>
public sealed class UnreachablePostgresAppFixture : IAsyncLifetime
{
    private OwnApp? _own;

    internal OwnApp Own => _own ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _own = await OwnApp.StartAsync("DHub:Seed:Scale=0.01", "DHub:Api:QueryTimeoutSeconds=5");
        await _own.Starting;
        var seeder = await _own.WaitForTerminalAsync("seeder", AppHostFactory.StartTimeout);
        Assert.True(seeder.Snapshot.ExitCode == 0, $"the seeder failed:\n{_own.LogTextOf("seeder")}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(FaultSupport.Token);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await _own.App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        Api = _own.App.CreateHttpClient("api");
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_own is not null)
        {
            var dataDirectory = _own.Cluster.DataDirectory;
            await _own.DisposeAsync();
            // Nothing of the server may outlive the app, whatever the tests did to it.
            Assert.Empty(ProcessTable.WithCommandLineContaining(dataDirectory));
            Assert.False(Directory.Exists(dataDirectory), $"{dataDirectory} was left behind");
        }
    }
}

/// <summary>
/// Issue #7 §1: PostgreSQL becomes unreachable while the API runs. The API must say so honestly
/// (503 ProblemDetails, /health Unhealthy, never a 500), stay alive, and recover by itself.
/// </summary>
[Collection(OwnServersCollection.Name)]
[Faults]
public sealed class PostgresUnreachableApiTests(UnreachablePostgresAppFixture fixture) : IClassFixture<UnreachablePostgresAppFixture>
{
    private const string Observer = "dhub-fault-observer";

    private static CancellationToken Token => FaultSupport.Token;

    [Fact]
    public async Task Stopping_postgres_makes_the_api_answer_503_and_it_recovers_when_postgres_is_back()
    {
        var own = fixture.Own;
        var observer = FaultSupport.WithApplicationName(own.ConnectionStrings, Observer);
        var admin = observer[DemoDatabases.Employees];
        var before = await DatabaseSnapshot.TakeAsync(observer);
        Assert.True(before.TotalRows > 0);

        // Everything works, and the API holds pooled connections (owner and dhub_reader) that the outage will break.
        var violations = new List<string>();
        await ApiProbe.WaitForRecoveryAsync(fixture.Api, TimeSpan.FromMinutes(1), violations);
        ApiProbe.AssertNoViolations(violations);

        try
        {
            var stopped = await own.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand, Token);
            Assert.True(stopped.Success, stopped.Message);
            await own.WaitForTerminalAsync("postgres", TimeSpan.FromMinutes(1));
            await FaultSupport.WaitUntilAsync(async () => !await FaultSupport.CanConnectAsync(admin), TimeSpan.FromMinutes(1), "postgres to stop answering");

            await ApiProbe.CheckOutageAnswersAsync(fixture.Api, violations);
            // Asked twice: the first answers may come from broken pooled connections, the second from refused new ones.
            await ApiProbe.CheckOutageAnswersAsync(fixture.Api, violations);
        }
        finally
        {
            await StartAgainAsync(own, admin);
        }

        var seen = await ApiProbe.WaitForRecoveryAsync(fixture.Api, TimeSpan.FromMinutes(2), violations);
        TestContext.Current.TestOutputHelper?.WriteLine($"Answers while recovering: {string.Join(", ", seen)}");

        using (var alive = await fixture.Api.GetAsync("/alive", Token))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, alive.StatusCode);
        }

        Assert.Empty(before.TablesDifferingFrom(await DatabaseSnapshot.TakeAsync(observer)));
        ApiProbe.AssertNoViolations(violations);
    }

    /// <summary>Starts postgres again (the AppHost waits for the stopped postmaster to exit) and waits until it answers.</summary>
    private static async Task StartAgainAsync(OwnApp own, string admin)
    {
        var started = await own.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand, Token);
        Assert.True(started.Success, started.Message);
        await FaultSupport.WaitUntilAsync(() => FaultSupport.CanConnectAsync(admin), TimeSpan.FromMinutes(2), "postgres to answer again");
    }

    [Fact]
    public async Task Connections_ended_by_the_server_answer_503_or_succeed_and_never_blame_the_request()
    {
        var own = fixture.Own;
        var admin = FaultSupport.WithApplicationName(own.ConnectionStrings, Observer)[DemoDatabases.Employees];
        var violations = new List<string>();
        await ApiProbe.WaitForRecoveryAsync(fixture.Api, TimeSpan.FromMinutes(2), violations);
        ApiProbe.AssertNoViolations(violations);

        // Every client session but ours: the API's owner connections and its dhub_reader connections.
        var ended = await FaultSupport.CountAsync(admin,
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name <> @app AND pid <> pg_backend_pid()",
            ("app", Observer));
        Assert.True(ended > 0, "the API held no connection to end");
        await FaultSupport.WaitUntilAsync(async () => await FaultSupport.CountAsync(admin,
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'dhub_reader'") == 0,
            TimeSpan.FromSeconds(30), "the ended dhub_reader sessions to go");

        var answers = new List<string>();
        foreach (var endpoint in ApiProbe.ReadEndpoints)
        {
            using var response = await ApiProbe.SendAsync(fixture.Api, endpoint);
            answers.Add($"{endpoint} {(int)response.StatusCode}");
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                await ApiProbe.AssertHealthyAnswerAsync(response, endpoint);
            }
            else if (await ApiProbe.UnavailableProblemViolationAsync(response, endpoint) is { } violation)
            {
                violations.Add(violation);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"First answers after the sessions ended: {string.Join(", ", answers)}");
        await ApiProbe.WaitForRecoveryAsync(fixture.Api, TimeSpan.FromMinutes(1), violations);
        ApiProbe.AssertNoViolations(violations);
    }
}
