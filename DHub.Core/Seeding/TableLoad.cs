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
/// is never held in memory whole; the writer maps a record onto the COPY columns without boxing.
/// </summary>
public sealed class TableLoad<TRow>(
    string database,
    string table,
    IReadOnlyList<string> columns,
    IEnumerable<TRow> rows,
    Action<BinaryCopyWriter, TRow> writeRow) : ITableLoad
{
    public string Database { get; } = database;

    public string Table { get; } = table;

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The rows themselves, for tests that inspect generation without a database.</summary>
    public IEnumerable<TRow> Rows => rows;

    /// <summary>The same table written from other rows (tests wrap the generator to watch what it keeps alive).</summary>
    internal TableLoad<TRow> WithRows(IEnumerable<TRow> replacement) => new(Database, Table, Columns, replacement, writeRow);

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
            writeRow(writer, row);
            count++;
        }

        return count;
    }
}
