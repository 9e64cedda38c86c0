using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// The one connection source of DHub: a pooled <see cref="NpgsqlDataSource"/> per database of one
/// PostgreSQL server, for seeding, queries and DataHub alike. The six demo databases come either as
/// six connection strings (Aspire's <c>ConnectionStrings:employees_db</c>, ...) or from one server
/// connection string by swapping the database (the CLI); any other database of the server opens by
/// name with the same credentials.
/// </summary>
public sealed class DatabaseConnections : IAsyncDisposable
{
    private const string DefaultMaintenanceDatabase = "postgres";

    private readonly Dictionary<string, NpgsqlDataSource> _demo;
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _others = new(StringComparer.Ordinal);

    // Kept because NpgsqlDataSource.ConnectionString omits the password, and derived data sources need it.
    private readonly Dictionary<string, string> _connectionStrings;
    private readonly string _serverConnectionString;

    private DatabaseConnections(Dictionary<string, string> connectionStrings, string serverConnectionString, string maintenanceDatabase)
    {
        _connectionStrings = connectionStrings;
        _serverConnectionString = serverConnectionString;
        MaintenanceDatabase = maintenanceDatabase;
        _demo = connectionStrings.ToDictionary(pair => pair.Key, pair => NpgsqlDataSource.Create(pair.Value), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _demo.Keys;

    /// <summary>A database that always exists, for server-wide questions (pg_database is shared by all).</summary>
    public string MaintenanceDatabase { get; }

    /// <summary>Where the databases live, for messages: host and port, never credentials.</summary>
    public string ServerDescription
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString);
            return $"{builder.Host}:{builder.Port}";
        }
    }

    /// <summary>
    /// A data source for any database on the server with the same credentials: a demo database's own
    /// pool, the maintenance database for server-wide questions, or a database outside the demo six.
    /// </summary>
    public NpgsqlDataSource ForServerDatabase(string database) =>
        _demo.TryGetValue(database, out var demo)
            ? demo
            : _others.GetOrAdd(database, name => NpgsqlDataSource.Create(
                new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString));

    /// <summary>The server's connection string, with the owner's credentials.</summary>
    internal string OwnerConnectionString => _serverConnectionString;

    /// <exception cref="UnknownDatabaseException">The name is not one of the six demo databases.</exception>
    public NpgsqlDataSource For(string database) =>
        _demo.TryGetValue(database, out var source) ? source : throw new UnknownDatabaseException(database);

    /// <summary>The same databases reached as another role (e.g. the read-only <c>dhub_reader</c>), with the same pool caps.</summary>
    public DatabaseConnections As(string username, string password)
    {
        string AsRole(string connectionString) =>
            new NpgsqlConnectionStringBuilder(connectionString) { Username = username, Password = password }.ConnectionString;
        return new(
            _connectionStrings.ToDictionary(pair => pair.Key, pair => AsRole(pair.Value), StringComparer.Ordinal),
            AsRole(_serverConnectionString),
            MaintenanceDatabase);
    }

    /// <summary>The six demo databases from their own connection strings, <c>ConnectionStrings:&lt;database&gt;</c> (Aspire's way).</summary>
    /// <param name="maxPoolSize">
    /// Caps every pool. A service with many pools (one per database and role) must stay under the
    /// server's max_connections together, or a burst of requests fails with "too many clients".
    /// </param>
    public static DatabaseConnections FromConfiguration(IConfiguration configuration, int? maxPoolSize = null) =>
        FromConnectionStrings(DemoDatabases.All.ToDictionary(
            name => name,
            name => WithMaxPoolSize(configuration.GetConnectionString(name)
                ?? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{name}' is not configured."), maxPoolSize),
            StringComparer.Ordinal));

    /// <param name="connectionStrings">One connection string per demo database, keyed by database name.</param>
    public static DatabaseConnections FromConnectionStrings(IReadOnlyDictionary<string, string> connectionStrings)
    {
        var demo = DemoDatabases.All.ToDictionary(
            name => name,
            name => connectionStrings.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"No connection string for database '{name}'."),
            StringComparer.Ordinal);
        return new(demo, demo[DemoDatabases.Employees], DefaultMaintenanceDatabase);
    }

    /// <param name="serverConnectionString">Any connection string of the server; its Database, when set, is the maintenance database.</param>
    /// <param name="maxPoolSize">Caps every pool, as in <see cref="FromConfiguration"/>.</param>
    public static DatabaseConnections FromServer(string serverConnectionString, int? maxPoolSize = null)
    {
        var server = new NpgsqlConnectionStringBuilder(WithMaxPoolSize(serverConnectionString, maxPoolSize));
        var maintenance = string.IsNullOrEmpty(server.Database) ? DefaultMaintenanceDatabase : server.Database;
        return new(
            DemoDatabases.All.ToDictionary(
                name => name,
                name => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString,
                StringComparer.Ordinal),
            server.ConnectionString,
            maintenance);
    }

    private static string WithMaxPoolSize(string connectionString, int? maxPoolSize) =>
        maxPoolSize is { } max ? new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = max }.ConnectionString : connectionString;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _demo.Values.Concat(_others.Values))
        {
            await source.DisposeAsync();
        }
    }
}
