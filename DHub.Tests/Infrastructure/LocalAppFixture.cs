using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// One running AppHost in Local mode (real PostgreSQL from the installed binaries, no Docker),
/// shared by a test collection: starting it costs tens of seconds.
/// </summary>
public sealed class LocalAppFixture : IAsyncLifetime
{
    public const string SeedScale = "0.1";
    public const string ApiKey = "test-api-key-0123456789";
    public const int QueryTimeoutSeconds = 2;

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The seeder's final state, captured once it finished.</summary>
    public ResourceEvent SeederResult { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public LocalPostgresCluster Cluster => AppHostFactory.LocalClusterOf(App);

    public async ValueTask InitializeAsync()
    {
        var builder = await AppHostFactory.CreateAsync(
            "DHub:Postgres:Mode=Local",
            $"DHub:Seed:Scale={SeedScale}",
            $"Parameters:api-key={ApiKey}",
            $"DHub:Api:QueryTimeoutSeconds={QueryTimeoutSeconds}");
        _app = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(AppHostFactory.StartTimeout);
        await _app.StartAsync(timeout.Token);
        SeederResult = await _app.ResourceNotifications.WaitForResourceAsync(
            "seeder", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        if (SeederResult.Snapshot.ExitCode == 0)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        }

        Api = _app.CreateHttpClient("api");
    }

    public async Task<string> ConnectionStringAsync(string database) =>
        await App.GetConnectionStringAsync(DemoDatabaseNames.ResourceName(database))
        ?? throw new InvalidOperationException($"No connection string for {database}.");

    public async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(await ConnectionStringAsync(database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>
    /// Connections to the fixture's six databases for running DHub.Core operations in-process.
    /// They carry an application name so tests can find (and kill) their backends in pg_stat_activity.
    /// </summary>
    public async Task<DatabaseConnections> CreateConnectionsAsync(string applicationName = TestApplicationName)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var database in DemoDatabases.All)
        {
            var builder = new NpgsqlConnectionStringBuilder(await ConnectionStringAsync(database)) { ApplicationName = applicationName };
            settings[$"ConnectionStrings:{database}"] = builder.ConnectionString;
        }

        return DatabaseConnections.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    public const string TestApplicationName = "dhub-tests";

    /// <summary>The seed operations of DHub.Core, running in the test process against the fixture's server.</summary>
    public async Task<SeedOperationsScope> CreateOperationsAsync(string applicationName = TestApplicationName)
    {
        return SeedOperationsScope.Create(await CreateConnectionsAsync(applicationName));
    }

    /// <summary>Runs a scalar query in every demo database and sums the results.</summary>
    public async Task<long> SumOverDatabasesAsync(string sql)
    {
        long total = 0;
        foreach (var database in DemoDatabases.All)
        {
            await using var connection = await OpenAsync(database);
            await using var command = new NpgsqlCommand(sql, connection);
            total += Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalAppCollection : ICollectionFixture<LocalAppFixture>
{
    public const string Name = "local app";
}

public sealed record SeedOperationsScope(SeedOperations Operations, DatabaseConnections Connections) : IAsyncDisposable
{
    /// <summary>DHub.Core's seed operations in the test process, over <paramref name="connections"/> (which the scope disposes).</summary>
    public static SeedOperationsScope Create(DatabaseConnections connections, ILogger<SeedOperations>? logger = null)
    {
        var inventory = new DatabaseInventory(connections, NullLogger<DatabaseInventory>.Instance);
        return new SeedOperationsScope(new SeedOperations(connections, inventory, logger ?? NullLogger<SeedOperations>.Instance), connections);
    }

    public ValueTask DisposeAsync() => Connections.DisposeAsync();
}
