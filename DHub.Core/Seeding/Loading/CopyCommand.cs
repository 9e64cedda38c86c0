namespace DHub.Core.Seeding.Loading;

/// <summary>The COPY statement that loads a demo table, shared by the pipeline and the benchmark's ceiling.</summary>
/// <remarks>
/// FREEZE writes the rows already frozen and marks their pages all-visible, so neither the first
/// reads (hint bits) nor the autovacuum pass that follows a bulk insert have to rewrite the table.
/// PostgreSQL allows it only into a table created or truncated in the same transaction, which
/// <see cref="SeedSession"/> guarantees for every table (two-phase commit included); the rows then
/// become visible to all at the commit, like the TRUNCATE before them.
/// </remarks>
public static class CopyCommand
{
    /// <param name="source"><c>STDIN</c>, or a quoted server-side file name.</param>
    public static string From(string table, IEnumerable<string> columns, string source) =>
        $"COPY public.\"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM {source} (FORMAT BINARY, FREEZE)";
}
