using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Hosting.Postgres.InitScripts;

/// <summary>
/// Applies init scripts to a server whose databases are missing (Local and External modes; the
/// container runs them itself). A database that already exists is left alone, so running this on
/// every start is safe and cheap. Configuration scripts (the roles and grants) run every time, after
/// the database scripts before them, so a kept cluster also gets grants added since it was created.
/// </summary>
public sealed partial class InitScriptRunner(ILogger<InitScriptRunner> logger)
{
    /// <returns>The names of the databases that were created.</returns>
    public async Task<IReadOnlyList<string>> ApplyMissingAsync(
        string serverConnectionString, IReadOnlyList<InitScript> scripts, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres" };
        var existing = await ListDatabasesAsync(maintenance.ConnectionString, cancellationToken);
        var created = new List<string>();

        foreach (var script in scripts)
        {
            if (script.CreatedDatabase is not { } database)
            {
                await ConfigureAsync(maintenance, script, cancellationToken);
            }
            else if (existing.Contains(database))
            {
                LogSkipped(database, script.FileName);
            }
            else
            {
                await CreateAsync(maintenance, script, database, cancellationToken);
                created.Add(database);
            }
        }

        return created;
    }

    private async Task ConfigureAsync(NpgsqlConnectionStringBuilder maintenance, InitScript script, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(maintenance, script.Preamble, cancellationToken);
            foreach (var section in script.Sections)
            {
                await ExecuteAsync(new NpgsqlConnectionStringBuilder(maintenance.ConnectionString) { Database = section.DatabaseName }, section.Sql, cancellationToken);
            }

            LogConfigured(script.FileName, script.Sections.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InitScriptFailedException(script, ex);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnectionStringBuilder target, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // One multi-statement command runs in one implicit transaction: it applies whole or not at all.
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CreateAsync(NpgsqlConnectionStringBuilder maintenance, InitScript script, string database, CancellationToken cancellationToken)
    {
        var quoted = QuoteIdentifier(database);
        await using (var admin = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await ExecuteAsync(new NpgsqlConnectionStringBuilder(maintenance.ConnectionString) { Database = database }, script.Sections[0].Sql, cancellationToken);
            LogApplied(database, script.FileName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An empty database would look "already initialised" on the next start; remove it.
            await using var admin = new NpgsqlConnection(maintenance.ConnectionString);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
            throw new InitScriptFailedException(script, ex);
        }
    }

    private static async Task<HashSet<string>> ListDatabasesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} exists; skipping {Script}")]
    private partial void LogSkipped(string database, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database} from {Script}")]
    private partial void LogApplied(string database, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Script} to {Databases} databases")]
    private partial void LogConfigured(string script, int databases);
}

public sealed class InitScriptFailedException(InitScript script, Exception inner)
    : Exception(script.CreatedDatabase is { } database
        ? $"Init script '{script.FileName}' failed for database '{database}': {inner.Message}"
        : $"Init script '{script.FileName}' failed: {inner.Message}", inner);
