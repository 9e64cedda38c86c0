namespace DHub.Core.Databases;

/// <summary>A user-supplied SQL statement and the limits it runs under.</summary>
public sealed record SqlQuery(string Sql, int Limit = SqlQuery.DefaultLimit, bool AllowWrite = false, int TimeoutSeconds = SqlQuery.DefaultTimeoutSeconds)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    public const int DefaultTimeoutSeconds = 30;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxSqlLength = 100_000;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Sql))
        {
            problems.Add("The SQL text is empty.");
        }
        else if (Sql.Length > MaxSqlLength)
        {
            problems.Add($"The SQL text has {Sql.Length} characters; at most {MaxSqlLength} are allowed.");
        }

        if (Limit is < 1 or > MaxLimit)
        {
            problems.Add($"The limit must be between 1 and {MaxLimit}; got {Limit}.");
        }

        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            problems.Add($"The timeout must be between 1 and {MaxTimeoutSeconds} seconds; got {TimeoutSeconds}.");
        }

        return problems;
    }
}

public sealed record QueryColumn(string Name, string Type);

/// <summary>The outcome of one statement: a result set (capped at the limit) or an affected-row count.</summary>
public sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, long? AffectedRows)
{
    public bool HasResultSet => Columns.Count > 0;
}

public enum QueryFailure
{
    InvalidInput,
    MultipleStatements,
    NotAQuery,
    WriteNotAllowed,
    PermissionDenied,
    Timeout,
    Sql,
}

/// <summary>The statement was refused or failed; <see cref="Exception.Message"/> is one line for the user.</summary>
public sealed class QueryFailedException(QueryFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public QueryFailure Failure { get; } = failure;
}
