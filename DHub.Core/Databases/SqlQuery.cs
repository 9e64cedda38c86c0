namespace DHub.Core.Databases;

/// <summary>A user-supplied SQL statement and the limits it runs under.</summary>
public sealed record SqlQuery(
    string Sql,
    int Limit = SqlQuery.DefaultLimit,
    bool AllowWrite = false,
    int TimeoutSeconds = SqlQuery.DefaultTimeoutSeconds,
    long MaxResultBytes = SqlQuery.DefaultMaxResultBytes)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    public const int DefaultTimeoutSeconds = 30;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxSqlLength = 100_000;

    /// <summary>16 MiB: far more than a screen or a report needs, small enough to hold per request.</summary>
    public const long DefaultMaxResultBytes = 16L * 1024 * 1024;
    public const long MinMaxResultBytes = 1024;

    /// <summary>1 GiB, PostgreSQL's own limit for one value.</summary>
    public const long MaxMaxResultBytes = 1024L * 1024 * 1024;

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

        if (MaxResultBytes is < MinMaxResultBytes or > MaxMaxResultBytes)
        {
            problems.Add($"The result size limit must be between {MinMaxResultBytes} and {MaxMaxResultBytes} bytes; got {MaxResultBytes}.");
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

    /// <summary>The result passed <see cref="SqlQuery.MaxResultBytes"/> while it was read.</summary>
    ResultTooLarge,

    /// <summary>A value has no .NET counterpart (numeric NaN, intervals with months, ...).</summary>
    UnrepresentableValue,
}

/// <summary>The statement was refused or failed; <see cref="Exception.Message"/> is one line for the user.</summary>
public sealed class QueryFailedException(QueryFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public QueryFailure Failure { get; } = failure;

    /// <summary>One message for every place that enforces the limit, so the API and the CLI say the same.</summary>
    public static QueryFailedException ResultTooLarge(long maxBytes) => new(QueryFailure.ResultTooLarge,
        $"The result is larger than the limit of {maxBytes} bytes; select fewer rows, fewer columns or shorter values.");
}
