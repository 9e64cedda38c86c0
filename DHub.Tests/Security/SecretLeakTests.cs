using System.Collections.Concurrent;
using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Operations;
using DHub.Core.DataHub.Recipes;
using DHub.Core.Hosting;
using DHub.Core.Seeding;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace DHub.Tests.Security;

/// <summary>
/// A full seed and DataHub emission, including failures, with every log line, span tag, exception
/// message and written file captured: none may contain the database password, the DataHub token or
/// the API key.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SecretLeakTests(LocalAppFixture fixture)
{
    private const string DataHubToken = "dhub-secret-token-7Qx9v2LmZ";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_and_emitting_never_write_a_secret_to_logs_traces_errors_or_files()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var secrets = new[] { live.Password, DataHubToken, LocalAppFixture.ApiKey };
        var logs = new FakeLoggerProvider();
        var spans = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("DHub", StringComparison.Ordinal) || source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => spans.Enqueue(
                $"{activity.DisplayName} {activity.StatusDescription} {string.Join(";", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} " +
                string.Join(";", activity.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))),
        };
        ActivitySource.AddActivityListener(listener);
        var errors = new List<string>();
        var output = Directory.CreateTempSubdirectory("dhub-secrets-");

        await using var gms = await StandInGms.StartAsync();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddDHubDatabases(_ => live.Source)
            .AddDataHub(options =>
            {
                options.Server = gms.Url;
                options.Token = DataHubToken;
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                options.MaxRetryAttempts = 1;
            });
        await using var provider = services.BuildServiceProvider();
        var loggerFactory = provider.GetRequiredService<ILoggerFactory>();

        try
        {
            await using var connections = await fixture.CreateConnectionsAsync();
            var seeding = new SeedOperations(connections, new DatabaseInventory(connections, loggerFactory.CreateLogger<DatabaseInventory>()), loggerFactory.CreateLogger<SeedOperations>());
            await seeding.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);

            var catalog = DataHubCatalog.Load(TestCatalog.Directory);
            var datahub = provider.GetRequiredService<DataHubOperations>();
            await datahub.PublishAsync(catalog, new DataHubRunRequest(), null, Token);
            await datahub.WriteMcpFileAsync(catalog, new DataHubRunRequest(), Path.Combine(output.FullName, "mcps.json"), Token);
            foreach (var recipe in new IngestionRecipeGenerator(catalog).PerDatabase(new IngestionRecipeOptions()))
            {
                await File.WriteAllTextAsync(Path.Combine(output.FullName, recipe.FileName), recipe.Yaml, Token);
            }

            await File.WriteAllTextAsync(Path.Combine(output.FullName, "schema.yaml"),
                await datahub.DescribeAsync(catalog, DemoDatabases.All, DHub.Core.SchemaDescriptor.DescriptorForm.Minified, cancellationToken: Token), Token);

            // Failure paths carry the most context, so they are where secrets leak: a rejected token,
            // a server that is not GMS, a wrong database password.
            gms.Enqueue(401);
            errors.Add((await Assert.ThrowsAsync<DataHubGmsException>(() => datahub.PublishAsync(catalog, new DataHubRunRequest(), null, Token))).ToString());
            gms.ConfigMode = ConfigMode.FrontendJson;
            errors.Add((await Assert.ThrowsAsync<DataHubGmsException>(() => datahub.PublishAsync(catalog, new DataHubRunRequest(), null, Token))).ToString());
            await using var wrongPassword = DatabaseConnections.FromServer(live.ConnectionString.Replace(live.Password, live.Password + "x", StringComparison.Ordinal));
            var failing = new SeedOperations(wrongPassword, new DatabaseInventory(wrongPassword, loggerFactory.CreateLogger<DatabaseInventory>()), loggerFactory.CreateLogger<SeedOperations>());
            errors.Add((await Assert.ThrowsAnyAsync<Exception>(() => failing.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token))).ToString());
        }
        finally
        {
            await using var restore = await fixture.CreateOperationsAsync();
            await restore.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        }

        var files = output.GetFiles().Select(f => (f.Name, Text: File.ReadAllText(f.FullName))).ToList();
        output.Delete(recursive: true);
        Assert.True(logs.Collector.Lines().Count > 10, "the logs were not captured");
        Assert.True(spans.Count > 34, "the spans were not captured");
        Assert.Equal(8, files.Count); // mcps.json, six recipes, schema.yaml
        Assert.True(gms.AcceptedProposals.Count > 0, "nothing was emitted");

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Collector.Lines(), line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(spans, span => span.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, error => error.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(files, file => file.Text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(gms.ApiRequests, request => request.Body.Contains(secret, StringComparison.Ordinal));
        }
    }
}
