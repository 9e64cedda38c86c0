using Npgsql;

namespace DHub.Core.Seeding.Loading;

/// <summary>Streams a table's generated rows into PostgreSQL through one binary COPY.</summary>
public static class TableCopy
{
    /// <param name="copyStatement">A <c>COPY ... FROM STDIN (FORMAT BINARY ...)</c> listing <paramref name="load"/>'s columns, e.g. <see cref="CopyCommand.From"/>.</param>
    /// <returns>The number of rows written.</returns>
    public static long Run(NpgsqlConnection connection, string copyStatement, ITableLoad load, CancellationToken cancellationToken)
    {
        var copy = connection.BeginRawBinaryCopy(copyStatement);
        long rows;
        try
        {
            var writer = new BinaryCopyWriter(copy, load.Columns.Count);
            rows = load.WriteTo(writer, cancellationToken);
            writer.Complete();
        }
        catch
        {
            // Disposing a raw COPY stream ends the COPY and keeps what was sent; a failed load must send CopyFail instead.
            CancelQuietly(copy);
            throw;
        }

        copy.Dispose(); // ends the COPY; the server's verdict on the data arrives here
        return rows;
    }

    private static void CancelQuietly(NpgsqlRawCopyStream copy)
    {
        try
        {
            copy.Cancel();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The connection is already broken, and with it the transaction: nothing was kept.
        }
    }
}
