using DHub.Core.Databases;
using DHub.Core.DataHub.Introspection;
using DHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>Introspection of the shared fixture's server through a server connection string, as the CLI does it.</summary>
public sealed class LiveDatabases : IAsyncDisposable
{
    private LiveDatabases(string connectionString)
    {
        ConnectionString = connectionString;
        Source = DatabaseConnections.FromServer(connectionString);
        Introspector = new PostgresIntrospector(Source, NullLogger<PostgresIntrospector>.Instance);
    }

    /// <summary>A connection string of the fixture's server; its password must never show up in DHub's output.</summary>
    public string ConnectionString { get; }

    public string Password => new NpgsqlConnectionStringBuilder(ConnectionString).Password
        ?? throw new InvalidOperationException("The fixture's connection string has no password.");

    public DatabaseConnections Source { get; }

    public PostgresIntrospector Introspector { get; }

    public static async Task<LiveDatabases> OpenAsync(LocalAppFixture fixture) =>
        new(await fixture.ConnectionStringAsync(DemoDatabases.Employees));

    public Task<IReadOnlyList<DatabaseSchema>> IntrospectAllAsync() =>
        Introspector.IntrospectAsync(DemoDatabases.All, cancellationToken: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
