using System.Collections.Concurrent;
using Npgsql;

namespace DHub.Core.DataHub.Connections;

/// <summary>
/// Connections to any database of a server, derived from one server connection string by swapping
/// the database name (the CLI's configuration). One pooled data source per database.
/// </summary>
public sealed class ServerConnectionSource : IDatabaseConnectionSource, IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _sources = new(StringComparer.Ordinal);

    /// <param name="serverConnectionString">Any connection string of the server; its Database, when set, is the maintenance database.</param>
    public ServerConnectionSource(string serverConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString);
        _serverConnectionString = builder.ConnectionString;
        MaintenanceDatabase = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
    }

    public string MaintenanceDatabase { get; }

    public async ValueTask<NpgsqlConnection> OpenConnectionAsync(string database, CancellationToken cancellationToken)
    {
        var source = _sources.GetOrAdd(database, name =>
            NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name }.ConnectionString));
        return await source.OpenConnectionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
        {
            await source.DisposeAsync();
        }

        _sources.Clear();
    }
}
