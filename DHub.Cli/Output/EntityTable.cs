using DHub.Core.DataHub.Metadata;
using Spectre.Console;

namespace DHub.Cli.Output;

/// <summary>The MCPs of a DataHub run counted per entity type, with the total in bold.</summary>
public static class EntityTable
{
    public static Table Render(McpSummary summary)
    {
        var table = new Table().AddColumn("Entity type").AddColumn(new TableColumn("Entities").RightAligned());
        foreach (var (type, count) in summary.EntitiesByType)
        {
            table.AddRow(new Text(type), new Text(DisplayFormat.Count(count)));
        }

        table.AddRow(new Text("MCPs", new Style(decoration: Decoration.Bold)), new Text(DisplayFormat.Count(summary.Proposals), new Style(decoration: Decoration.Bold)));
        return table;
    }
}
