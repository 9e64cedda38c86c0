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

    private DemoDatabaseConnections(Dictionary<string, NpgsqlDataSource> sources) => _sources = sources;

    public IReadOnlyCollection<string> Names => _sources.Keys;

    public static DemoDatabaseConnections FromConfiguration(IConfiguration configuration)
    {
        var sources = new Dictionary<string, NpgsqlDataSource>(StringComparer.Ordinal);
        foreach (var name in DemoDatabases.All)
        {
            var connectionString = configuration.GetConnectionString(name)
                ?? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{name}' is not configured.");
            sources[name] = NpgsqlDataSource.Create(connectionString);
        }

        return new DemoDatabaseConnections(sources);
    }

    public static DemoDatabaseConnections FromServer(string serverConnectionString)
    {
        var sources = DemoDatabases.All.ToDictionary(
            name => name,
            name => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString),
            StringComparer.Ordinal);
        return new DemoDatabaseConnections(sources);
    }

    /// <exception cref="UnknownDatabaseException">The name is not one of the six demo databases.</exception>
    public NpgsqlDataSource For(string database) =>
        _sources.TryGetValue(database, out var source) ? source : throw new UnknownDatabaseException(database);

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
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
