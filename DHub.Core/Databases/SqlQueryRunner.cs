using System.Data;
using System.Globalization;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// Runs exactly one user statement. Read-only by default: the transaction is READ ONLY and rolled
/// back; with <see cref="SqlQuery.AllowWrite"/> it commits. Always under a statement timeout, a
/// row cap and a cap on the bytes of the result. The statement goes to the server as a single prepared command, so the server itself
/// rejects smuggled extra statements such as <c>COMMIT; DROP ...</c>.
/// </summary>
/// <remarks>
/// Read-only mode runs queries only. The server decides what a query is: the text must be accepted
/// by <c>EXPLAIN</c> (which plans without executing), so transaction control (<c>COMMIT</c>,
/// <c>PREPARE TRANSACTION</c>), <c>SET</c>, <c>DO</c>, <c>COPY</c> and DDL are refused before they
/// run, without a hand-written SQL parser that could disagree with PostgreSQL.
/// </remarks>
public static class SqlQueryRunner
{
    /// <summary>Runs the statement and keeps its rows; they are at most <see cref="SqlQuery.MaxResultBytes"/>.</summary>
    public static async Task<QueryResult> RunAsync(NpgsqlDataSource source, SqlQuery query, CancellationToken cancellationToken)
    {
        var collector = new QueryResultCollector();
        var summary = await RunAsync(source, query, collector, cancellationToken);
        return collector.ToResult(summary);
    }

    /// <summary>Runs the statement and hands each row to <paramref name="sink"/> as it is read.</summary>
    public static async Task<QuerySummary> RunAsync(NpgsqlDataSource source, SqlQuery query, IQueryResultSink sink, CancellationToken cancellationToken)
    {
        if (query.Validate() is { Count: > 0 } problems)
        {
            throw new QueryFailedException(QueryFailure.InvalidInput, string.Join(" ", problems));
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var reset = new SessionReset(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, query.AllowWrite ? "SET TRANSACTION READ WRITE" : "SET TRANSACTION READ ONLY", cancellationToken);
            await ExecuteAsync(connection, $"SET LOCAL statement_timeout = {query.TimeoutSeconds * 1000}", cancellationToken);

            if (!query.AllowWrite)
            {
                await RequireQueryAsync(connection, query, cancellationToken);
            }

            var result = await ReadAsync(connection, query, sink, cancellationToken);
            if (query.AllowWrite)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (PostgresException ex) when (!IsConnectionFailure(ex))
        {
            throw Translate(ex, query);
        }
    }

    private const string ExplainPrefix = "EXPLAIN ";

    private static async Task RequireQueryAsync(NpgsqlConnection connection, SqlQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await using var batch = new NpgsqlBatch(connection) { Timeout = query.TimeoutSeconds + 5 };
            batch.BatchCommands.Add(new NpgsqlBatchCommand(ExplainPrefix + query.Sql));
            await using (var plan = await batch.ExecuteReaderAsync(cancellationToken))
            {
                while (await plan.ReadAsync(cancellationToken))
                {
                }
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.SyntaxError && !ex.MessageText.Contains("multiple commands", StringComparison.Ordinal))
        {
            var position = ex.Position > ExplainPrefix.Length ? $" (at position {ex.Position - ExplainPrefix.Length})" : "";
            throw new QueryFailedException(QueryFailure.NotAQuery,
                $"Read-only mode runs queries only (SELECT, WITH, VALUES, TABLE). PostgreSQL error {ex.SqlState}: {ex.MessageText}{position}", ex);
        }
        catch (PostgresException ex) when (!IsConnectionFailure(ex))
        {
            throw Translate(ex, query, positionOffset: ExplainPrefix.Length);
        }
    }

    /// <summary>
    /// Reads with <see cref="CommandBehavior.SequentialAccess"/>, so a row is never buffered whole, and
    /// counts each value's size as PostgreSQL sends it before the value is materialised: a 200 MB
    /// value is refused from its length alone.
    /// </summary>
    private static async Task<QuerySummary> ReadAsync(NpgsqlConnection connection, SqlQuery query, IQueryResultSink sink, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = query.TimeoutSeconds + 5 };
        batch.BatchCommands.Add(new NpgsqlBatchCommand(query.Sql));
        await using var reader = await batch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);

        if (reader.FieldCount == 0)
        {
            return new QuerySummary(0, false, reader.RecordsAffected);
        }

        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i)))
            .ToList();
        sink.BeginRows(columns);
        var rowCount = 0;
        var truncated = false;
        long bytes = 0;
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rowCount == query.Limit)
                {
                    truncated = true;
                    break;
                }

                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    if (await reader.IsDBNullAsync(i, cancellationToken))
                    {
                        bytes += sizeof(int);
                    }
                    else
                    {
                        // The length word plus the value, known from the message header before the value is read.
                        bytes += sizeof(int) + reader.GetBytes(i, 0, null, 0, 0);
                        if (bytes > query.MaxResultBytes)
                        {
                            throw QueryFailedException.ResultTooLarge(query.MaxResultBytes);
                        }

                        row[i] = ReadValue(reader, i, columns[i], rowCount + 1);
                    }
                }

                if (bytes > query.MaxResultBytes)
                {
                    throw QueryFailedException.ResultTooLarge(query.MaxResultBytes);
                }

                sink.AddRow(row);
                rowCount++;
            }
        }
        catch (QueryFailedException)
        {
            // Without this, disposing the reader would still receive (and skip) every remaining row.
            batch.Cancel();
            throw;
        }

        return new QuerySummary(rowCount, truncated, null);
    }

    private static object? ReadValue(NpgsqlDataReader reader, int ordinal, QueryColumn column, int row)
    {
        try
        {
            return Normalize(reader.GetValue(ordinal));
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException)
        {
            throw new QueryFailedException(QueryFailure.UnrepresentableValue,
                $"Row {row}, column '{column.Name}' ({column.Type}) holds a value that cannot be returned as it is; cast it to text in the query, e.g. {column.Name}::text.", ex);
        }
    }

    /// <summary>Keeps values JSON and tables understand; anything exotic (ranges, geometry, bit strings) becomes text.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null => null,
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes), // bytea, as PostgreSQL prints it
        // JSON has no NaN or Infinity; PostgreSQL's own spelling keeps them readable.
        double number when !double.IsFinite(number) => number.ToString(CultureInfo.InvariantCulture),
        float number when !float.IsFinite(number) => number.ToString(CultureInfo.InvariantCulture),
        Array array => array.Cast<object?>().Select(Normalize).ToArray(),
        string or bool or short or int or long or float or double or decimal or Guid or DateTime or DateOnly or TimeOnly or TimeSpan or DateTimeOffset => value,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// The server, not the statement, failed: connection exceptions (08), insufficient resources (53)
    /// and operator intervention such as a shutdown (57P). These stay NpgsqlExceptions, which callers
    /// report as "database unavailable" rather than blaming the query.
    /// </summary>
    private static bool IsConnectionFailure(PostgresException ex) =>
        ex.SqlState.StartsWith("08", StringComparison.Ordinal)
        || ex.SqlState.StartsWith("53", StringComparison.Ordinal)
        || ex.SqlState.StartsWith("57P", StringComparison.Ordinal);

    private static QueryFailedException Translate(PostgresException ex, SqlQuery query, int positionOffset = 0)
    {
        var position = ex.Position > positionOffset ? $" (at position {ex.Position - positionOffset})" : "";
        return ex.SqlState switch
        {
            PostgresErrorCodes.ReadOnlySqlTransaction => new QueryFailedException(QueryFailure.WriteNotAllowed,
                "The statement would write, and queries are read-only unless writing is explicitly allowed.", ex),
            PostgresErrorCodes.InsufficientPrivilege => new QueryFailedException(QueryFailure.PermissionDenied,
                $"Permission denied: {ex.MessageText}", ex),
            PostgresErrorCodes.QueryCanceled => new QueryFailedException(QueryFailure.Timeout,
                $"The statement exceeded the timeout of {query.TimeoutSeconds} s and was cancelled.", ex),
            PostgresErrorCodes.SyntaxError when ex.MessageText.Contains("multiple commands", StringComparison.Ordinal) =>
                new QueryFailedException(QueryFailure.MultipleStatements, "Only one SQL statement may be run at a time.", ex),
            _ => new QueryFailedException(QueryFailure.Sql, $"PostgreSQL error {ex.SqlState}: {ex.MessageText}{position}", ex),
        };
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
