namespace DHub.Core.Databases;

/// <summary>
/// Receives a result set while <see cref="SqlQueryRunner"/> reads it, row by row, so a caller can
/// write rows out instead of holding them all. A sink may refuse more by throwing
/// <see cref="QueryFailedException"/>; the runner then cancels the statement.
/// </summary>
public interface IQueryResultSink
{
    void BeginRows(IReadOnlyList<QueryColumn> columns);

    void AddRow(object?[] values);
}

/// <summary>What a statement produced besides its rows.</summary>
public sealed record QuerySummary(int RowCount, bool Truncated, long? AffectedRows);
