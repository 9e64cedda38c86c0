using DHub.Core.Seeding.Loading;

namespace DHub.Core.Seeding;

/// <summary>A table to fill: where it goes, its columns in COPY order, and a stream of rows.</summary>
public interface ITableLoad
{
    string Database { get; }

    string Table { get; }

    /// <summary>Columns written by COPY; SERIAL keys are left out so their sequences number the rows.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Streams every row into <paramref name="writer"/>; returns the row count.</summary>
    long WriteTo(BinaryCopyWriter writer, CancellationToken cancellationToken);
}

/// <summary>
/// Rows of one table as a lazy sequence of typed records. Enumerating generates them, so a table
/// is never held in memory whole. Each column is given as its name and the write of its value, side
/// by side, so the COPY's column list and the order of the values cannot drift apart.
/// </summary>
public sealed class TableLoad<TRow>(
    string database,
    string table,
    IEnumerable<TRow> rows,
    params (string Name, Action<BinaryCopyWriter, TRow> Write)[] columns) : ITableLoad
{
    private readonly Action<BinaryCopyWriter, TRow>[] _writes = [.. columns.Select(c => c.Write)];

    public string Database { get; } = database;

    public string Table { get; } = table;

    public IReadOnlyList<string> Columns { get; } = [.. columns.Select(c => c.Name)];

    /// <summary>The rows themselves, generated as they are enumerated, without a database.</summary>
    public IEnumerable<TRow> Rows => rows;

    /// <summary>The same table and columns over other rows of the same shape (e.g. a wrapped or filtered stream).</summary>
    internal TableLoad<TRow> WithRows(IEnumerable<TRow> replacement) => new(Database, Table, replacement, columns);

    public long WriteTo(BinaryCopyWriter writer, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var row in rows)
        {
            if ((count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            writer.StartRow();
            foreach (var write in _writes)
            {
                write(writer, row);
            }

            count++;
        }

        return count;
    }
}
