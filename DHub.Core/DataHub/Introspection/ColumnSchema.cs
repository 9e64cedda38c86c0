namespace DHub.Core.DataHub.Introspection;

/// <summary>One column as DataHub's postgres source reports it.</summary>
/// <param name="NativeType">The type as DataHub prints it: VARCHAR(50), NUMERIC(15, 2), TIMESTAMP WITHOUT TIME ZONE...</param>
/// <param name="FieldType">The member of DataHub's schema field type union the native type maps to.</param>
public sealed record ColumnSchema(
    string Name,
    int Ordinal,
    string NativeType,
    SchemaFieldType FieldType,
    bool Nullable,
    string? Comment);
