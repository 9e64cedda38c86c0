using Npgsql;

namespace DHub.Core.Databases;

public sealed record TableInfo(string Database, string Schema, string Name, string Type);

public sealed record DatabaseInfo(string Name, string Version, long SizeBytes, string Size, int ActiveConnections);

public sealed record DatabaseTestResult(string Database, bool Reachable, string? Error);

/// <summary>
/// Questions about the server and its databases: what exists, what is in it, whether it answers.
/// The one catalog of the server, for the CLI's db commands, the API and DataHub's list-databases.
/// </summary>
public sealed class ServerCatalog(DatabaseConnections connections)
{
    // pg_database is a shared catalog, so any database of the server answers for all of them.
    // pg_database_size needs CONNECT on the database: without it the size is unknown, not an error.
    private const string ListDatabasesSql =
        """
        SELECT datname, size, pg_size_pretty(size)
        FROM (SELECT datname, datistemplate, datallowconn,
                     CASE WHEN has_database_privilege(datname, 'CONNECT') THEN pg_database_size(datname) END AS size
              FROM pg_database) d
        WHERE NOT datistemplate AND datallowconn
        ORDER BY datname
        """;

    /// <summary>The server's non-template databases that accept connections, with their size.</summary>
    public async Task<IReadOnlyList<ServerDatabase>> ListDatabasesAsync(CancellationToken cancellationToken)
    {
        await using var command = connections.ForServerDatabase(connections.MaintenanceDatabase).CreateCommand(ListDatabasesSql);
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

    /// <exception cref="UnknownDatabaseException">No database of that name exists on the server.</exception>
    public async Task EnsureExistsAsync(string database, CancellationToken cancellationToken)
    {
        if ((await ListDatabasesAsync(cancellationToken)).All(d => d.Name != database))
        {
            throw new UnknownDatabaseException(database);
        }
    }

    public async Task<IReadOnlyList<TableInfo>> ListTablesAsync(string database, CancellationToken cancellationToken)
    {
        await using var command = connections.ForServerDatabase(database).CreateCommand(
            """
            SELECT table_schema, table_name, table_type FROM information_schema.tables
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY table_schema, table_name
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<TableInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(new TableInfo(database, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return tables;
    }

    public async Task<DatabaseInfo> GetInfoAsync(string database, CancellationToken cancellationToken)
    {
        await using var command = connections.ForServerDatabase(database).CreateCommand(
            """
            SELECT current_setting('server_version'), pg_database_size(current_database()),
                   pg_size_pretty(pg_database_size(current_database())),
                   (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active')::int
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseInfo(database, reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3));
    }

    public async Task<DatabaseTestResult> TestAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connections.ForServerDatabase(database).CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return new DatabaseTestResult(database, true, null);
        }
        catch (NpgsqlException ex)
        {
            return new DatabaseTestResult(database, false, ex.Message);
        }
    }
}
