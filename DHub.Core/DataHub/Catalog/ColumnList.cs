using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>Parses a list of <c>database.schema.table.column</c> references, reporting malformed and repeated ones.</summary>
internal static class ColumnList
{
    public static List<QualifiedColumn> Parse(string where, IEnumerable<string?>? texts, List<string> problems)
    {
        var columns = new List<QualifiedColumn>();
        foreach (var text in texts ?? [])
        {
            var column = text is null ? null : QualifiedColumn.TryParse(text.Trim());
            if (column is null)
            {
                problems.Add($"{where}: column '{text}' must be written database.schema.table.column");
            }
            else if (columns.Contains(column))
            {
                problems.Add($"{where}: column '{text}' is listed twice");
            }
            else
            {
                columns.Add(column);
            }
        }

        return columns;
    }
}
