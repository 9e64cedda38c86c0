using DHub.Core.Databases;
using Spectre.Console;

namespace DHub.Cli.Output;

/// <summary>A query's rows as a table. Cells are plain <see cref="Text"/>: data may contain "[" and must not be read as markup.</summary>
public static class QueryResultTable
{
    public static Table Render(QueryResult result)
    {
        var table = new Table();
        foreach (var column in result.Columns)
        {
            table.AddColumn(new TableColumn(new Text(column.Name)));
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select(value => (Spectre.Console.Rendering.IRenderable)new Text(DisplayFormat.Cell(value))));
        }

        return table;
    }
}
