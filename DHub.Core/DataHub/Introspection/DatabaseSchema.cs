namespace DHub.Core.DataHub.Introspection;

/// <summary>The technical metadata of one schema of one database, read from the live catalog.</summary>
public sealed record DatabaseSchema(string Database, string Schema, IReadOnlyList<TableSchema> Tables)
{
    public int ColumnCount => Tables.Sum(t => t.Columns.Count);

    public TableSchema? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
