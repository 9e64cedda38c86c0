using DHub.Cli.Errors;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Microsoft.Extensions.Logging.Abstractions;

namespace DHub.Cli.Connection;

/// <summary>The server a command works against, with the DHub.Core services built on it.</summary>
public sealed class ServerConnection : IAsyncDisposable
{
    public ServerConnection(ConnectionSettings settings)
    {
        Settings = settings;
        Databases = DatabaseConnections.FromServer(settings.ConnectionString);
        Catalog = new ServerCatalog(Databases);
    }

    public ConnectionSettings Settings { get; }

    public DatabaseConnections Databases { get; }

    public ServerCatalog Catalog { get; }

    /// <summary>
    /// Seeding as a foreground command: progress goes to the display, so Core's log lines would
    /// only repeat it.
    /// </summary>
    public SeedOperations SeedOperations() =>
        new(Databases, new DatabaseInventory(Databases, NullLogger<DatabaseInventory>.Instance), NullLogger<SeedOperations>.Instance);

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

    /// <summary>
    /// Asks each database <paramref name="database"/> selects (see <see cref="SelectDatabasesAsync"/>), one
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

    public ValueTask DisposeAsync() => Databases.DisposeAsync();
}
