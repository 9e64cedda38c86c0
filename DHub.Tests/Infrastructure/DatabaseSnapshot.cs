using DHub.Core.Databases;
using Npgsql;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// An ordered digest of every demo table: equal snapshots mean equal contents, row for row.
/// Used to prove determinism (same seed, same data) and atomicity (a failed run changed nothing).
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    public static Task<DatabaseSnapshot> TakeAsync(LocalAppFixture fixture) => TakeAsync(fixture.OpenAsync);

    /// <summary>For servers other than the shared fixture's: the six connection strings, keyed by database.</summary>
    public static Task<DatabaseSnapshot> TakeAsync(IReadOnlyDictionary<string, string> connectionStrings) =>
        TakeAsync(async database =>
        {
            var connection = new NpgsqlConnection(connectionStrings[database]);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return connection;
        });

    private static async Task<DatabaseSnapshot> TakeAsync(Func<string, Task<NpgsqlConnection>> open)
    {
        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var database in DemoDatabases.All)
        {
            await using var connection = await open(database);
            foreach (var table in await TableNamesAsync(connection))
            {
                // Ordering by the row's text form makes the digest independent of physical order.
                await using var digest = new NpgsqlCommand(
                    $"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM public.\"{table}\" t", connection);
                await using var reader = await digest.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                await reader.ReadAsync(TestContext.Current.CancellationToken);
                tables[$"{database}.{table}"] = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        return new DatabaseSnapshot(tables);
    }

    public long TotalRows => Tables.Values.Sum(t => t.Rows);

    public long RowsOf(string qualifiedTable) => Tables[qualifiedTable].Rows;

    public bool SameContentsAs(DatabaseSnapshot other) =>
        Tables.Count == other.Tables.Count && Tables.All(t => other.Tables.TryGetValue(t.Key, out var o) && o == t.Value);

    public IEnumerable<string> TablesDifferingFrom(DatabaseSnapshot other) =>
        Tables.Where(t => !other.Tables.TryGetValue(t.Key, out var o) || o != t.Value).Select(t => t.Key);

    private static async Task<List<string>> TableNamesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
