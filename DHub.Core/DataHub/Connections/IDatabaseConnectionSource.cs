using Npgsql;

namespace DHub.Core.DataHub.Connections;

/// <summary>
/// Opens connections to databases of one PostgreSQL server by name. Introspection works on any
/// database and schema of the server, like DataHub's own postgres source, so it asks for databases
/// by name instead of holding the six demo connections.
/// </summary>
public interface IDatabaseConnectionSource
{
    /// <summary>A database that always exists, for server-wide catalog queries (pg_database is shared).</summary>
    string MaintenanceDatabase { get; }

    ValueTask<NpgsqlConnection> OpenConnectionAsync(string database, CancellationToken cancellationToken);
}
