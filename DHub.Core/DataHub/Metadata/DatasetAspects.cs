using System.Text.Json.Nodes;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Urns;
using DHub.Core.References;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The technical aspects of a table or view, shaped exactly like DataHub's postgres source emits
/// them (datahub.md §5), plus the cross-database foreign keys PostgreSQL cannot declare.
/// </summary>
internal static class DatasetAspects
{
    public static JsonObject DatasetProperties(TableSchema table)
    {
        var properties = new JsonObject
        {
            // DataHub's SQL sources mark views this way; tables carry no custom properties.
            ["customProperties"] = table.IsView ? new JsonObject { ["is_view"] = "True" } : new JsonObject(),
            ["name"] = table.Name,
        };
        if (!string.IsNullOrEmpty(table.Comment))
        {
            properties["description"] = table.Comment;
        }

        properties["tags"] = new JsonArray();
        return properties;
    }

    public static JsonObject SchemaMetadata(
        QualifiedTable name, TableSchema table, IReadOnlyList<CrossDatabaseReference> links, string environment)
    {
        var datasetUrn = DataHubUrns.Dataset(name, environment);
        var metadata = new JsonObject
        {
            ["schemaName"] = name.ToString(),
            ["platform"] = DataHubUrns.PlatformUrn,
            ["version"] = 0,
            ["created"] = AuditStamp.Unknown.ToJson(),
            ["lastModified"] = AuditStamp.Unknown.ToJson(),
            ["hash"] = "",
            ["platformSchema"] = new JsonObject { ["com.linkedin.schema.MySqlDDL"] = new JsonObject { ["tableSchema"] = "" } },
            ["fields"] = new JsonArray(table.Columns.Select(c => (JsonNode)Field(c, table.PrimaryKey.Contains(c.Name))).ToArray()),
        };
        if (table.PrimaryKey.Count > 0)
        {
            metadata["primaryKeys"] = new JsonArray(table.PrimaryKey.Select(c => (JsonNode)JsonValue.Create(c)).ToArray());
        }

        var foreignKeys = table.ForeignKeys
            .OrderBy(fk => fk.Name, StringComparer.Ordinal)
            .Select(fk => ForeignKey(fk, name, datasetUrn, environment))
            .Concat(links
                .OrderBy(l => l.SourceColumn, StringComparer.Ordinal)
                .ThenBy(l => CrossDatabaseProperties.ForeignKeyName(l), StringComparer.Ordinal)
                .Select(l => CrossDatabaseProperties.ForeignKey(l, datasetUrn, environment)))
            .Select(fk => (JsonNode)fk)
            .ToArray();
        if (foreignKeys.Length > 0)
        {
            metadata["foreignKeys"] = new JsonArray(foreignKeys);
        }

        return metadata;
    }

    public static JsonObject Field(ColumnSchema column, bool isPartOfKey)
    {
        var field = new JsonObject { ["fieldPath"] = column.Name, ["nullable"] = column.Nullable };
        if (!string.IsNullOrEmpty(column.Comment))
        {
            field["description"] = column.Comment;
        }

        field["type"] = new JsonObject { ["type"] = new JsonObject { [column.FieldType.UnionMember()] = new JsonObject() } };
        field["nativeDataType"] = column.NativeType;
        field["recursive"] = false;
        field["isPartOfKey"] = isPartOfKey;
        return field;
    }

    public static JsonObject SubTypes(TableSchema table) => new() { ["typeNames"] = new JsonArray(table.IsView ? "View" : "Table") };

    /// <summary>viewProperties as DataHub's SQL sources emit it for views.</summary>
    public static JsonObject ViewProperties(TableSchema table) => new()
    {
        ["materialized"] = table.Kind == TableKind.MaterializedView,
        ["viewLogic"] = table.ViewDefinition ?? "",
        ["viewLanguage"] = "SQL",
    };

    private static JsonObject ForeignKey(ForeignKeySchema fk, QualifiedTable source, string sourceDatasetUrn, string environment)
    {
        var target = DataHubUrns.Dataset(new QualifiedTable(source.Database, fk.ReferencedSchema, fk.ReferencedTable), environment);
        return new JsonObject
        {
            ["name"] = fk.Name,
            ["foreignDataset"] = target,
            ["foreignFields"] = new JsonArray(fk.ReferencedColumns.Select(c => (JsonNode)JsonValue.Create(DataHubUrns.SchemaField(target, c))).ToArray()),
            ["sourceFields"] = new JsonArray(fk.Columns.Select(c => (JsonNode)JsonValue.Create(DataHubUrns.SchemaField(sourceDatasetUrn, c))).ToArray()),
        };
    }
}
