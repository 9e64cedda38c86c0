using DHub.Core.Databases;
using DHub.Core.DataHub.Connections;

namespace DHub.Core.DataHub.Introspection;

/// <summary>The server's non-template databases with their size: what an ingestion could pick from.</summary>
public sealed class ServerDatabaseLister(IDatabaseConnectionSource connections)
{
    // pg_database is a shared catalog, so any database of the server answers for all of them.
    // pg_database_size needs CONNECT on the database: without it the size is unknown, not an error.
    private const string Sql =
        """
        SELECT datname, size, pg_size_pretty(size)
        FROM (SELECT datname, datistemplate, datallowconn,
                     CASE WHEN has_database_privilege(datname, 'CONNECT') THEN pg_database_size(datname) END AS size
              FROM pg_database) d
        WHERE NOT datistemplate AND datallowconn
        ORDER BY datname
        """;

    public async Task<IReadOnlyList<ServerDatabase>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.ListDatabases);
        await using var connection = await connections.OpenConnectionAsync(connections.MaintenanceDatabase, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var databases = new List<ServerDatabase>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            databases.Add(new ServerDatabase(
                name,
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                DemoDatabases.IsDemoDatabase(name)));
        }

        return databases;
    }
}
