using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// One pooled <see cref="NpgsqlDataSource"/> per demo database. Under Aspire each database arrives
/// as its own connection string (<c>ConnectionStrings:employees_db</c>, ...); the CLI instead has
/// one server connection string and derives the six.
/// </summary>
public sealed class DemoDatabaseConnections : IAsyncDisposable
{
    private readonly Dictionary<string, NpgsqlDataSource> _sources;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> _others = new(StringComparer.Ordinal);

    // Kept because NpgsqlDataSource.ConnectionString omits the password, and derived data sources need it.
    private readonly Dictionary<string, string> _connectionStrings;

    private DemoDatabaseConnections(Dictionary<string, string> connectionStrings)
    {
        _connectionStrings = connectionStrings;
        _sources = connectionStrings.ToDictionary(pair => pair.Key, pair => NpgsqlDataSource.Create(pair.Value), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _sources.Keys;

    /// <summary>Where the six databases live, for messages: host and port, never credentials.</summary>
    public string ServerDescription
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_connectionStrings[DemoDatabases.Employees]);
            return $"{builder.Host}:{builder.Port}";
        }
    }

    /// <summary>
    /// A data source for any database on the same server with the same credentials: the maintenance
    /// database <c>postgres</c> for server-wide questions, or a database outside the demo six.
    /// </summary>
    public NpgsqlDataSource ForServerDatabase(string database) =>
        _sources.TryGetValue(database, out var demo)
            ? demo
            : _others.GetOrAdd(database, name => NpgsqlDataSource.Create(
                new NpgsqlConnectionStringBuilder(_connectionStrings[DemoDatabases.Employees]) { Database = name }.ConnectionString));

    /// <summary>The connection string of the first demo database, with the owner's credentials.</summary>
    internal string OwnerConnectionString => _connectionStrings[DemoDatabases.Employees];

    /// <summary>The same six databases reached as another role (e.g. the read-only <c>dhub_reader</c>).</summary>
    public DemoDatabaseConnections As(string username, string password) =>
        new(_connectionStrings.ToDictionary(
            pair => pair.Key,
            pair => new NpgsqlConnectionStringBuilder(pair.Value) { Username = username, Password = password }.ConnectionString,
            StringComparer.Ordinal));

    /// <param name="maxPoolSize">
    /// Caps every pool. A service with many pools (one per database and role) must stay under the
    /// server's max_connections together, or a burst of requests fails with "too many clients".
    /// </param>
    public static DemoDatabaseConnections FromConfiguration(IConfiguration configuration, int? maxPoolSize = null) =>
        FromConnectionStrings(DemoDatabases.All.ToDictionary(
            name => name,
            name => WithMaxPoolSize(configuration.GetConnectionString(name)
                ?? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{name}' is not configured."), maxPoolSize),
            StringComparer.Ordinal));

    private static string WithMaxPoolSize(string connectionString, int? maxPoolSize) =>
        maxPoolSize is { } max ? new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = max }.ConnectionString : connectionString;

    /// <param name="connectionStrings">One connection string per demo database, keyed by database name.</param>
    public static DemoDatabaseConnections FromConnectionStrings(IReadOnlyDictionary<string, string> connectionStrings) =>
        new(DemoDatabases.All.ToDictionary(
            name => name,
            name => connectionStrings.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"No connection string for database '{name}'."),
            StringComparer.Ordinal));

    public static DemoDatabaseConnections FromServer(string serverConnectionString) =>
        new(DemoDatabases.All.ToDictionary(
            name => name,
            name => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString,
            StringComparer.Ordinal));

    /// <exception cref="UnknownDatabaseException">The name is not one of the six demo databases.</exception>
    public NpgsqlDataSource For(string database) =>
        _sources.TryGetValue(database, out var source) ? source : throw new UnknownDatabaseException(database);

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values.Concat(_others.Values))
        {
            await source.DisposeAsync();
        }
    }
}

public sealed class UnknownDatabaseException(string database)
    : Exception($"Unknown database '{database}'. Expected one of: {string.Join(", ", DemoDatabases.All)}.")
{
    public string Database { get; } = database;
}
