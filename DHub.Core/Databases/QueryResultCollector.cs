namespace DHub.Core.Databases;

/// <summary>Keeps every row, for callers that show the result as a whole (the CLI's table).</summary>
public sealed class QueryResultCollector : IQueryResultSink
{
    private readonly List<object?[]> _rows = [];
    private IReadOnlyList<QueryColumn> _columns = [];

    public void BeginRows(IReadOnlyList<QueryColumn> columns) => _columns = columns;

    public void AddRow(object?[] values) => _rows.Add(values);

    public QueryResult ToResult(QuerySummary summary) => new(_columns, _rows, summary.Truncated, summary.AffectedRows);
}
