using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Urns;
using DHub.Core.References;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// Checks the data files and the cross-database catalog against the live databases that were
/// introspected: every table and column they name must exist. References into databases or schemas
/// that were not introspected in this run are not judged.
/// </summary>
public static class CatalogSchemaCheck
{
    public static IReadOnlyList<string> Problems(DataHubCatalog catalog, IReadOnlyList<DatabaseSchema> schemas)
    {
        var problems = new List<string>();
        var known = schemas.ToDictionary(s => (s.Database, s.Schema));

        // Returns false only when the table's schema was introspected and the table (or column) is missing.
        bool Exists(QualifiedTable table, string? column, string where)
        {
            if (!known.TryGetValue((table.Database, table.Schema), out var schema))
            {
                return true;
            }

            var found = schema.FindTable(table.Table);
            if (found is null)
            {
                problems.Add($"{where}: table {table} does not exist in the live database");
                return false;
            }

            if (column is not null && found.FindColumn(column) is null)
            {
                problems.Add($"{where}: column {table}.{column} does not exist in the live database");
                return false;
            }

            return true;
        }

        foreach (var tag in catalog.Tags)
        {
            foreach (var column in tag.Columns)
            {
                Exists(column.Table, column.Column, $"column-tags.yaml, tag '{tag.Id}'");
            }
        }

        foreach (var link in catalog.ColumnTerms)
        {
            Exists(link.Column.Table, link.Column.Column, $"column-terms.yaml, term '{link.TermId}'");
        }

        foreach (var table in catalog.DatasetDomains.Tables.Keys)
        {
            Exists(table, null, "database-domains.yaml");
        }

        foreach (var table in catalog.Owners.Tables.Keys)
        {
            Exists(table, null, "owners.yaml");
        }

        foreach (var lineage in catalog.Lineage)
        {
            foreach (var column in lineage.Columns)
            {
                Exists(lineage.Downstream, column.Downstream, $"lineage.yaml, {lineage.Downstream}");
                foreach (var upstream in column.Upstreams)
                {
                    Exists(lineage.Upstream, upstream, $"lineage.yaml, {lineage.Downstream}");
                }
            }
        }

        foreach (var link in CrossDatabaseReferences.All)
        {
            var where = $"CrossDatabaseReferences ({link.SourceQualifiedTable}.{link.SourceColumn} -> {link.TargetQualifiedTable}.{link.TargetColumn})";
            Exists(new QualifiedTable(link.SourceDatabase, "public", link.SourceTable), link.SourceColumn, where);
            Exists(CrossDatabaseProperties.Target(link), link.TargetColumn, where);
        }

        foreach (var schema in schemas)
        {
            foreach (var table in schema.Tables)
            {
                var names = table.ForeignKeys.Select(fk => fk.Name)
                    .Concat(CrossDatabaseProperties.From(new QualifiedTable(schema.Database, schema.Schema, table.Name)).Select(CrossDatabaseProperties.ForeignKeyName));
                foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                {
                    problems.Add($"{schema.Database}.{schema.Schema}.{table.Name}: foreign key name '{duplicate.Key}' is used twice");
                }
            }
        }

        problems.AddRange(CrossDatabaseProperties.CheckDefinitions(catalog.StructuredProperties));
        return problems;
    }
}
