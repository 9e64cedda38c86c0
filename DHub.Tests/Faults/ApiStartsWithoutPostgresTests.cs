using System.Net;
using System.Security.Cryptography;
using DHub.Core.Databases;
using DHub.Hosting.Postgres;
using DHub.Hosting.Postgres.InitScripts;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.Tests.Faults;

/// <summary>
/// Issue #7 §1, at API start: the API process comes up while nothing listens where its databases
/// should be. It must start, report the outage honestly, and recover once PostgreSQL appears there.
/// </summary>
[Collection(OwnServersCollection.Name)]
[Faults]
public sealed class ApiStartsWithoutPostgresTests
{
    private static CancellationToken Token => FaultSupport.Token;

    [Fact]
    public async Task The_api_starts_without_postgres_answers_503_and_recovers_when_a_server_appears()
    {
        var postgresPort = LoopbackPort.FindFree();
        var apiPort = LoopbackPort.FindFree();
        var password = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 24);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{apiPort}",
            ["DHub__Api__Key"] = OwnApp.ApiKey,
            ["DHub__Api__QueryTimeoutSeconds"] = "5",
        };
        foreach (var database in DemoDatabases.All)
        {
            environment[$"ConnectionStrings__{database}"] = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={password};Database={database}";
        }

        int apiPid;
        string dataDirectory;
        await using (var api = ServiceProcess.Start(FaultSupport.ServiceDll(new Projects.DHub_Api().ProjectPath), environment))
        {
            apiPid = api.Id;
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
            await api.WaitUntilListeningAsync(client);

            var violations = new List<string>();
            await ApiProbe.CheckOutageAnswersAsync(client, violations);

            var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException("No PostgreSQL server binaries are installed.");
            await using (var server = await ThrowawayPostgres.StartAsync(binaries, postgresPort, password, [], Token))
            {
                dataDirectory = server.DataDirectory;
                // The demo databases, made the way Local mode makes them.
                await new InitScriptRunner(NullLogger<InitScriptRunner>.Instance)
                    .ApplyMissingAsync(server.ConnectionString, InitScriptCatalog.Load(FaultSupport.InitScriptDirectory), Token);
                var seen = await ApiProbe.WaitForRecoveryAsync(client, TimeSpan.FromMinutes(2), violations);
                TestContext.Current.TestOutputHelper?.WriteLine($"Answers while recovering: {string.Join(", ", seen)}");

                // A fresh server: the API reports empty databases rather than failing.
                using var status = await client.GetAsync("/api/seed/status", Token);
                var body = System.Text.Json.JsonDocument.Parse(await status.Content.ReadAsStringAsync(Token)).RootElement;
                Assert.Equal(0, body.GetProperty("totalRows").GetInt64());
                Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("lastRun").ValueKind);
            }

            Assert.False(api.HasExited, $"the API died along the way:\n{api.Output}");
            ApiProbe.AssertNoViolations(violations);
        }

        Assert.False(ProcessTable.IsAlive(apiPid));
        Assert.Empty(ProcessTable.WithCommandLineContaining(dataDirectory));
        Assert.False(Directory.Exists(Path.GetDirectoryName(dataDirectory)));
    }
}
