using DHub.Cli.Errors;
using DHub.Core.Databases;

namespace DHub.Cli.Connection;

/// <summary>The server a command works against: its settings, its databases and their catalog.</summary>
public sealed class ServerConnection(ConnectionSettings settings, DatabaseConnections databases, ServerCatalog catalog)
{
    public ConnectionSettings Settings { get; } = settings;

    public DatabaseConnections Databases { get; } = databases;

    public ServerCatalog Catalog { get; } = catalog;

    /// <summary>Checks that <paramref name="database"/> exists on the server; the error lists those that do.</summary>
    /// <exception cref="CliException">It does not (exit code 2).</exception>
    public async Task<string> RequireDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        var databases = await Catalog.ListDatabasesAsync(cancellationToken);
        if (databases.Any(d => d.Name == database))
        {
            return database;
        }

        throw CliException.InvalidInput(
            $"Database '{database}' does not exist on {Settings.Server}. Databases there: {string.Join(", ", databases.Select(d => d.Name))}.");
    }

    /// <summary>What a <c>-d</c> option selects: the database it names (checked to exist), or the six demo databases without it.</summary>
    /// <exception cref="CliException">The named database does not exist (exit code 2).</exception>
    public async Task<IReadOnlyList<string>> SelectDatabasesAsync(string? database, CancellationToken cancellationToken) =>
        database is null ? DemoDatabases.All : [await RequireDatabaseAsync(database, cancellationToken)];

    /// <summary>What a repeatable <c>-d</c> option selects: the databases it names (each checked to exist), or the six demo databases without it.</summary>
    /// <exception cref="CliException">A named database does not exist (exit code 2).</exception>
    public async Task<IReadOnlyList<string>> SelectDatabasesAsync(IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        if (names is not { Count: > 0 })
        {
            return DemoDatabases.All;
        }

        var requested = names.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in requested)
        {
            await RequireDatabaseAsync(name, cancellationToken);
        }

        return requested;
    }

    /// <summary>
    /// Asks each database <paramref name="database"/> selects (see <see cref="SelectDatabasesAsync(string?, CancellationToken)"/>), one
    /// after the other, and returns the answers in that order.
    /// </summary>
    public async Task<IReadOnlyList<T>> AskEachDatabaseAsync<T>(string? database, Func<string, CancellationToken, Task<T>> ask, CancellationToken cancellationToken)
    {
        var answers = new List<T>();
        foreach (var name in await SelectDatabasesAsync(database, cancellationToken))
        {
            answers.Add(await ask(name, cancellationToken));
        }

        return answers;
    }
}
