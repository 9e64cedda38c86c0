using NpgsqlTypes;
using Npgsql;

namespace DHub.Core.Seeding;

/// <summary>A table to fill: where it goes, its columns in COPY order, and a stream of rows.</summary>
public interface ITableLoad
{
    string Database { get; }

    string Table { get; }

    /// <summary>Columns written by COPY; SERIAL keys are left out so their sequences number the rows.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Streams every row into <paramref name="importer"/>; returns the row count.</summary>
    long WriteTo(NpgsqlBinaryImporter importer, CancellationToken cancellationToken);
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
    Action<NpgsqlBinaryImporter, TRow> writeRow) : ITableLoad
{
    public string Database { get; } = database;

    public string Table { get; } = table;

    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The rows themselves, for tests that inspect generation without a database.</summary>
    public IEnumerable<TRow> Rows => rows;

    /// <summary>The same table written from other rows (tests wrap the generator to watch what it keeps alive).</summary>
    internal TableLoad<TRow> WithRows(IEnumerable<TRow> replacement) => new(Database, Table, Columns, replacement, writeRow);

    public long WriteTo(NpgsqlBinaryImporter importer, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var row in rows)
        {
            if ((count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            importer.StartRow();
            writeRow(importer, row);
            count++;
        }

        return count;
    }
}

/// <summary>Typed writes for nullable values, which the importer's generic Write does not cover.</summary>
public static class NpgsqlBinaryImporterExtensions
{
    public static void WriteText(this NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type = NpgsqlDbType.Varchar)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    public static void WriteNullable<T>(this NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            importer.Write(v, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
