namespace DHub.Core.DataHub.Introspection;

/// <summary>A foreign key constraint declared inside one database (the only kind PostgreSQL can enforce).</summary>
/// <param name="Columns">Referencing columns, in constraint order.</param>
/// <param name="ReferencedColumns">Referenced columns, pairwise with <paramref name="Columns"/>.</param>
public sealed record ForeignKeySchema(
    string Name,
    IReadOnlyList<string> Columns,
    string ReferencedSchema,
    string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns);
