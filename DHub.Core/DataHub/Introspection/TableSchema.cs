namespace DHub.Core.DataHub.Introspection;

/// <summary>A table or view: its comment, columns in ordinal order, primary key and foreign keys.</summary>
/// <param name="ViewDefinition">The view's SQL (pg_get_viewdef); null for tables.</param>
public sealed record TableSchema(
    string Name,
    TableKind Kind,
    string? Comment,
    IReadOnlyList<ColumnSchema> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ForeignKeySchema> ForeignKeys,
    string? ViewDefinition = null)
{
    public bool IsView => Kind != TableKind.Table;

    public ColumnSchema? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
