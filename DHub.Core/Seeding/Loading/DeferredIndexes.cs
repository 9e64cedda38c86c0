using Npgsql;

namespace DHub.Core.Seeding.Loading;

/// <summary>
/// The indexes, primary keys, unique constraints and foreign keys of one database's demo tables,
/// dropped inside the seed transaction once the tables are truncated and rebuilt as each table
/// finishes loading. COPY into a bare table only appends to the heap; afterwards one sort builds
/// each index and one join validates each foreign key, several times cheaper than maintaining them
/// row by row (see docs/performance.md). Everything is rebuilt before the transaction commits, with
/// the same names and definitions, and a rollback restores them along with the data, so neither the
/// schema nor the guarantees change: a duplicate key or a dangling reference still fails the seed.
/// Only the tables it is given are touched: a user's own table in the same schema keeps its indexes
/// and keys as they are (the same objects, never rebuilt).
/// </summary>
internal sealed class DeferredIndexes
{
    // Keys and foreign keys of the given public tables. CHECK constraints stay: they cost little per row and need no index.
    // A user's foreign key to one of these keys would make the drop fail; the session refuses to
    // truncate, and so never gets here, while such a key exists.
    private const string ConstraintsSql = """
        SELECT t.relname, c.conname, c.contype::text, pg_get_constraintdef(c.oid), r.relname, obj_description(c.oid, 'pg_constraint')
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        LEFT JOIN pg_class r ON r.oid = c.confrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND t.relname = ANY($1) AND c.contype IN ('p', 'u', 'f')
        ORDER BY t.relname, c.conname
        """;

    // Indexes that no key constraint of their own table owns (those go and come back with the constraint).
    private const string IndexesSql = """
        SELECT t.relname, i.relname, pg_get_indexdef(i.oid), obj_description(i.oid, 'pg_class')
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r' AND t.relname = ANY($1)
          AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY t.relname, i.relname
        """;

    private readonly List<Deferred> _pending;
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    private DeferredIndexes(List<Deferred> pending) => _pending = pending;

    /// <summary>Nothing left to rebuild.</summary>
    public bool IsEmpty => _pending.Count == 0;

    /// <summary>
    /// Records the definitions on <paramref name="tables"/> (in schema <c>public</c>) and drops them;
    /// call inside the transaction, after the TRUNCATE.
    /// </summary>
    public static async Task<DeferredIndexes> DropAsync(NpgsqlConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        var deferred = new List<Deferred>();
        var names = tables.ToArray();
        await using (var constraints = new NpgsqlCommand(ConstraintsSql, connection) { Parameters = { new() { Value = names } } })
        await using (var reader = await constraints.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (table, name, type, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                var referenced = reader.IsDBNull(4) ? null : reader.GetString(4);
                var comment = reader.IsDBNull(5) ? null : reader.GetString(5);
                deferred.Add(new Deferred(
                    type == "f" ? Kind.ForeignKey : Kind.Key,
                    table,
                    referenced,
                    Drop: $"ALTER TABLE {Table(table)} DROP CONSTRAINT {Quote(name)}",
                    Create: $"ALTER TABLE {Table(table)} ADD CONSTRAINT {Quote(name)} {definition}",
                    Comment: comment is null ? null : $"COMMENT ON CONSTRAINT {Quote(name)} ON {Table(table)} IS {Literal(comment)}"));
            }
        }

        await using (var indexes = new NpgsqlCommand(IndexesSql, connection) { Parameters = { new() { Value = names } } })
        await using (var reader = await indexes.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (table, name, definition) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                var comment = reader.IsDBNull(3) ? null : reader.GetString(3);
                deferred.Add(new Deferred(
                    Kind.Index,
                    table,
                    null,
                    Drop: $"DROP INDEX public.{Quote(name)}",
                    Create: definition,
                    Comment: comment is null ? null : $"COMMENT ON INDEX public.{Quote(name)} IS {Literal(comment)}"));
            }
        }

        // A key cannot go while a foreign key still references it.
        var dropOrder = deferred.Where(d => d.Kind == Kind.ForeignKey).Concat(deferred.Where(d => d.Kind != Kind.ForeignKey));
        await ExecuteAsync(connection, dropOrder.Select(d => d.Drop), cancellationToken);
        return new DeferredIndexes(deferred);
    }

    /// <summary>
    /// Rebuilds the keys and indexes of a table that has been loaded, and every foreign key whose two
    /// tables are now both loaded.
    /// </summary>
    public Task RestoreAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        _loaded.Add(table);
        return RestoreWhereAsync(connection, d => d.Kind == Kind.ForeignKey
            ? _loaded.Contains(d.Table) && _loaded.Contains(d.Referenced!)
            : d.Table == table, cancellationToken);
    }

    /// <summary>Rebuilds everything still pending (tables that were not loaded, e.g. when clearing).</summary>
    public Task RestoreAllAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        RestoreWhereAsync(connection, _ => true, cancellationToken);

    private async Task RestoreWhereAsync(NpgsqlConnection connection, Func<Deferred, bool> ready, CancellationToken cancellationToken)
    {
        // Keys before indexes before foreign keys: a foreign key needs the referenced key back.
        var due = _pending.Where(ready).OrderBy(d => d.Kind).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, due.SelectMany(d => d.Comment is null ? new[] { d.Create } : new[] { d.Create, d.Comment }), cancellationToken);
        _pending.RemoveAll(due.Contains);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        }

        if (batch.BatchCommands.Count > 0)
        {
            // Index builds and foreign key validation take as long as the data is big; no command timeout.
            batch.Timeout = 0;
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Table(string name) => $"public.{Quote(name)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private enum Kind
    {
        Key,
        Index,
        ForeignKey,
    }

    private sealed record Deferred(Kind Kind, string Table, string? Referenced, string Drop, string Create, string? Comment);
}
