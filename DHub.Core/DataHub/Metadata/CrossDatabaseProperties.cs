using System.Text.Json.Nodes;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Urns;
using DHub.Core.References;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// Publishes the logical cross-database references (CrossDatabaseReferences.All) twice: as foreign
/// keys in the source dataset's schemaMetadata, which DataHub draws as relationships, and as the four
/// fk_* structured properties on the source schema field, which users can search and filter on.
/// </summary>
internal static class CrossDatabaseProperties
{
    public const string TargetTable = "fk_target_table";
    public const string TargetColumn = "fk_target_column";
    public const string CrossDatabase = "fk_cross_database";
    public const string RelationshipDescription = "fk_relationship_description";

    public static IReadOnlyList<string> PropertyIds { get; } = [TargetTable, TargetColumn, CrossDatabase, RelationshipDescription];

    /// <summary>The links whose source column lives in this table (only the public schema holds them).</summary>
    public static IReadOnlyList<CrossDatabaseReference> From(QualifiedTable table) =>
        table.Schema == "public"
            ? CrossDatabaseReferences.All.Where(l => l.SourceDatabase == table.Database && l.SourceTable == table.Table).ToList()
            : [];

    /// <summary>A unique, readable constraint name: xdb_&lt;table&gt;_&lt;column&gt;_&lt;target table&gt;.</summary>
    public static string ForeignKeyName(CrossDatabaseReference link) => $"xdb_{link.SourceTable}_{link.SourceColumn}_{link.TargetTable}";

    public static QualifiedTable Target(CrossDatabaseReference link) => new(link.TargetDatabase, "public", link.TargetTable);

    public static JsonObject ForeignKey(CrossDatabaseReference link, string sourceDatasetUrn, string environment)
    {
        var target = DataHubUrns.Dataset(Target(link), environment);
        return new JsonObject
        {
            ["name"] = ForeignKeyName(link),
            ["foreignDataset"] = target,
            ["foreignFields"] = new JsonArray(DataHubUrns.SchemaField(target, link.TargetColumn)),
            ["sourceFields"] = new JsonArray(DataHubUrns.SchemaField(sourceDatasetUrn, link.SourceColumn)),
        };
    }

    /// <summary>
    /// The structuredProperties aspect of one source column. A polymorphic column has one link per
    /// target: the targets become several values, the description says which type value selects which.
    /// </summary>
    public static JsonObject Values(IReadOnlyList<CrossDatabaseReference> linksOfColumn) => new()
    {
        ["properties"] = new JsonArray(
            Property(TargetTable, linksOfColumn.Select(l => Target(l).ToString())),
            Property(TargetColumn, linksOfColumn.Select(l => l.TargetColumn)),
            Property(CrossDatabase, ["true"]),
            Property(RelationshipDescription, [Describe(linksOfColumn)])),
    };

    public static string Describe(IReadOnlyList<CrossDatabaseReference> linksOfColumn) =>
        linksOfColumn is [{ Condition: null } single]
            ? single.Description
            : string.Join("; ", linksOfColumn.Select(l =>
                $"{l.Description}: {Target(l)}.{l.TargetColumn}" + (l.Condition is null ? "" : $" when {l.Condition}")));

    /// <summary>Problems that would make GMS reject the values: undefined properties, too many values for SINGLE.</summary>
    public static IEnumerable<string> CheckDefinitions(IReadOnlyList<StructuredPropertyDefinition> definitions)
    {
        foreach (var id in PropertyIds)
        {
            var definition = definitions.FirstOrDefault(d => d.Id == id);
            if (definition is null)
            {
                yield return $"{StructuredPropertiesFileName}: property '{id}' must be defined: DHub sets it on every cross-database reference column";
                continue;
            }

            if (!definition.EntityTypes.Contains(DataHubUrns.SchemaFieldEntityType))
            {
                yield return $"{StructuredPropertiesFileName}: property '{id}' must list {DataHubUrns.SchemaFieldEntityType} in entity_types";
            }

            if (!definition.IsMultiple && id is TargetTable or TargetColumn)
            {
                foreach (var column in CrossDatabaseReferences.All.GroupBy(l => (l.SourceDatabase, l.SourceTable, l.SourceColumn)).Where(g => g.Count() > 1))
                {
                    yield return $"{StructuredPropertiesFileName}: property '{id}' is SINGLE but {column.Key.SourceDatabase}.public.{column.Key.SourceTable}.{column.Key.SourceColumn} refers to {column.Count()} tables; make it MULTIPLE";
                }
            }
        }
    }

    private const string StructuredPropertiesFileName = "structured-properties.yaml";

    private static JsonObject Property(string id, IEnumerable<string> values) => new()
    {
        ["propertyUrn"] = DataHubUrns.StructuredProperty(id),
        ["values"] = new JsonArray(values.Distinct().Select(v => (JsonNode)new JsonObject { ["string"] = v }).ToArray()),
    };
}
