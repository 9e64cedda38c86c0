namespace DHub.Core.References;

/// <summary>A column in one database that holds the key of a row in another (PostgreSQL cannot enforce these).</summary>
/// <param name="Condition">
/// For polymorphic columns, the SQL predicate on the source table that selects the rows pointing at
/// this target (e.g. <c>entity_type = 'loan'</c>); null when every non-null value does.
/// </param>
public sealed record CrossDatabaseReference(
    string SourceDatabase,
    string SourceTable,
    string SourceColumn,
    string TargetDatabase,
    string TargetTable,
    string TargetColumn,
    string Description,
    string? Condition = null)
{
    public string SourceQualifiedTable => $"{SourceDatabase}.public.{SourceTable}";

    public string TargetQualifiedTable => $"{TargetDatabase}.public.{TargetTable}";

    public bool IsPolymorphic => Condition is not null;
}
