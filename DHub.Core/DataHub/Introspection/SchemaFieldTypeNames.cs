namespace DHub.Core.DataHub.Introspection;

/// <summary>How a <see cref="SchemaFieldType"/> is named inside schemaMetadata's type union.</summary>
public static class SchemaFieldTypeNames
{
    /// <summary>The union member's fully qualified name, e.g. <c>com.linkedin.schema.StringType</c>.</summary>
    public static string UnionMember(this SchemaFieldType type) => $"com.linkedin.schema.{type}Type";
}
