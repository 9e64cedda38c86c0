using DHub.Core.Databases;
using Npgsql;

namespace DHub.Core.DataHub.Connections;

/// <summary>
/// Adapts the six demo connections (how the API receives its connection strings under Aspire, one
/// per database) to <see cref="IDatabaseConnectionSource"/>. Only the demo databases can be opened.
/// </summary>
public sealed class DemoDatabaseConnectionSource(DemoDatabaseConnections connections) : IDatabaseConnectionSource
{
    public string MaintenanceDatabase => DemoDatabases.Employees;

    /// <exception cref="UnknownDatabaseException">The name is not one of the six demo databases.</exception>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(string database, CancellationToken cancellationToken) =>
        connections.For(database).OpenConnectionAsync(cancellationToken);
}
