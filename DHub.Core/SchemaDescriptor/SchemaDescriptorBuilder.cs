using DHub.Core.DataHub;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Urns;
using DHub.Core.References;

namespace DHub.Core.SchemaDescriptor;

/// <summary>
/// The schema descriptor YAML (<c>databases.&lt;db&gt;.schemas.&lt;schema&gt;.tables.&lt;table&gt;</c>)
/// built from the live databases and the catalog, without DataHub: reading the same facts back from
/// DataHub after ingestion would lose the cross-database references nobody had applied there.
/// </summary>
public static class SchemaDescriptorBuilder
{
    public static string Build(IReadOnlyList<DatabaseSchema> schemas, DataHubCatalog catalog, DescriptorForm form, string environment = DataHubUrns.DefaultEnvironment)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Descriptor);
        var databases = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var database in schemas.GroupBy(s => s.Database))
        {
            var schemaMap = new OrderedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var schema in database.OrderBy(s => s.Schema, StringComparer.Ordinal))
            {
                var tables = new OrderedDictionary<string, object>(StringComparer.Ordinal);
                foreach (var table in schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
                {
                    var name = new QualifiedTable(schema.Database, schema.Schema, table.Name);
                    tables[table.Name] = form == DescriptorForm.Full ? FullTable(name, table, catalog, environment) : MinifiedTable(name, table);
                }

                schemaMap[schema.Schema] = new OrderedDictionary<string, object> { ["tables"] = tables };
            }

            databases[database.Key] = new OrderedDictionary<string, object> { ["schemas"] = schemaMap };
        }

        return YamlDocumentWriter.Write(new OrderedDictionary<string, object> { ["databases"] = databases });
    }

    private static OrderedDictionary<string, object> FullTable(QualifiedTable name, TableSchema table, DataHubCatalog catalog, string environment)
    {
        var result = new OrderedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["platform"] = DataHubUrns.Platform,
            ["environment"] = environment,
            ["urn"] = DataHubUrns.Dataset(name, environment),
            ["type"] = table.IsView ? "View" : "Table",
        };
        if (!string.IsNullOrEmpty(table.Comment))
        {
            result["description"] = table.Comment;
        }

        if (catalog.DatasetDomains.DomainOf(name) is { } domain)
        {
            result["domain"] = domain;
        }

        var owners = catalog.Owners.OwnersOf(name);
        if (owners.Count > 0)
        {
            result["owners"] = owners.Select(o => new OrderedDictionary<string, object> { ["owner"] = o.OwnerUrn, ["type"] = o.Type }).ToList();
        }

        var tags = ColumnAnnotations.DatasetTags(name, catalog);
        if (tags.Count > 0)
        {
            result["tags"] = tags;
        }

        if (table.PrimaryKey.Count > 0)
        {
            result["primary_key"] = table.PrimaryKey.ToList();
        }

        result["column_count"] = table.Columns.Count;
        var links = CrossDatabaseProperties.From(name);
        result["columns"] = table.Columns.Select(column =>
        {
            var entry = Column(column);
            if (table.PrimaryKey.Contains(column.Name))
            {
                entry["primary_key"] = true;
            }

            if (ForeignKeyOf(table, column.Name) is { } fk)
            {
                entry["foreign_key"] = new OrderedDictionary<string, object>
                {
                    ["foreign_table"] = new QualifiedTable(name.Database, fk.Key.ReferencedSchema, fk.Key.ReferencedTable).ToString(),
                    ["foreign_column"] = fk.Column,
                    ["constraint_name"] = fk.Key.Name,
                };
            }

            var linksOfColumn = links.Where(l => l.SourceColumn == column.Name).ToList();
            if (linksOfColumn.Count > 0)
            {
                entry["structured_properties"] = StructuredProperties(linksOfColumn);
            }

            var qualified = new QualifiedColumn(name, column.Name);
            var columnTags = catalog.TagsOf(qualified).Select(t => t.Id).ToList();
            if (columnTags.Count > 0)
            {
                entry["tags"] = columnTags;
            }

            var terms = catalog.TermsOf(qualified).ToList();
            if (terms.Count > 0)
            {
                entry["glossary_terms"] = terms;
            }

            return entry;
        }).ToList();
        return result;
    }

    private static OrderedDictionary<string, object> MinifiedTable(QualifiedTable name, TableSchema table)
    {
        var result = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(table.Comment))
        {
            result["description"] = table.Comment;
        }

        var links = CrossDatabaseProperties.From(name);
        result["columns"] = table.Columns.Select(column =>
        {
            var entry = Column(column);
            if (ForeignKeyOf(table, column.Name) is { } fk)
            {
                entry["foreign_key"] = new OrderedDictionary<string, object>
                {
                    ["table"] = new QualifiedTable(name.Database, fk.Key.ReferencedSchema, fk.Key.ReferencedTable).ToString(),
                    ["column"] = fk.Column,
                };
            }

            // One target: a map. A polymorphic column: a list, each target with the condition that selects it.
            var linksOfColumn = links.Where(l => l.SourceColumn == column.Name).ToList();
            if (linksOfColumn.Count == 1)
            {
                entry["cross_db_reference"] = Reference(linksOfColumn[0]);
            }
            else if (linksOfColumn.Count > 1)
            {
                entry["cross_db_reference"] = linksOfColumn.Select(Reference).ToList();
            }

            return entry;
        }).ToList();
        return result;
    }

    private static OrderedDictionary<string, object> Column(ColumnSchema column)
    {
        var entry = new OrderedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["name"] = column.Name,
            ["type"] = column.NativeType,
            ["nullable"] = column.Nullable,
        };
        if (!string.IsNullOrEmpty(column.Comment))
        {
            entry["description"] = column.Comment;
        }

        return entry;
    }

    private static OrderedDictionary<string, object> Reference(CrossDatabaseReference link)
    {
        var reference = new OrderedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["table"] = CrossDatabaseProperties.Target(link).ToString(),
            ["column"] = link.TargetColumn,
            ["description"] = link.Description,
        };
        if (link.Condition is not null)
        {
            reference["when"] = link.Condition;
        }

        return reference;
    }

    // A single value as a scalar, several as a list: the common case stays easy to read.
    private static OrderedDictionary<string, object> StructuredProperties(IReadOnlyList<CrossDatabaseReference> links)
    {
        static object Value(IReadOnlyList<string> values) => values.Count == 1 ? values[0] : values;
        return new OrderedDictionary<string, object>(StringComparer.Ordinal)
        {
            [CrossDatabaseProperties.TargetTable] = Value(links.Select(l => CrossDatabaseProperties.Target(l).ToString()).Distinct().ToList()),
            [CrossDatabaseProperties.TargetColumn] = Value(links.Select(l => l.TargetColumn).Distinct().ToList()),
            [CrossDatabaseProperties.CrossDatabase] = "true",
            [CrossDatabaseProperties.RelationshipDescription] = CrossDatabaseProperties.Describe(links),
        };
    }

    private static (ForeignKeySchema Key, string Column)? ForeignKeyOf(TableSchema table, string column)
    {
        foreach (var fk in table.ForeignKeys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var index = fk.Columns.ToList().IndexOf(column);
            if (index >= 0)
            {
                return (fk, fk.ReferencedColumns[index]);
            }
        }

        return null;
    }
}
