namespace DHub.Core.DataHub.Metadata;

/// <summary>The entity type names DataHub expects in an MCP's <c>entityType</c>.</summary>
public static class EntityTypes
{
    public const string Dataset = "dataset";
    public const string Container = "container";
    public const string SchemaField = "schemaField";
    public const string Domain = "domain";
    public const string GlossaryNode = "glossaryNode";
    public const string GlossaryTerm = "glossaryTerm";
    public const string Tag = "tag";
    public const string StructuredProperty = "structuredProperty";
}
