using System.Text.Json.Nodes;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// Column tags and glossary terms from the data files, as ONE editableSchemaMetadata aspect per
/// dataset: an UPSERT replaces the whole aspect, so sending columns one by one would leave only
/// the last one.
/// </summary>
internal static class ColumnAnnotations
{
    /// <summary>The aspect, or null when no column of the table is tagged or termed.</summary>
    public static JsonObject? EditableSchemaMetadata(QualifiedTable name, TableSchema table, DataHubCatalog catalog, AuditStamp stamp)
    {
        var fields = new JsonArray();
        foreach (var column in table.Columns)
        {
            var qualified = new QualifiedColumn(name, column.Name);
            var tags = catalog.TagsOf(qualified).Select(t => t.Id).ToList();
            var terms = catalog.TermsOf(qualified).ToList();
            if (tags.Count == 0 && terms.Count == 0)
            {
                continue;
            }

            var info = new JsonObject { ["fieldPath"] = column.Name };
            if (tags.Count > 0)
            {
                info["globalTags"] = GovernanceAspects.GlobalTags(tags);
            }

            if (terms.Count > 0)
            {
                info["glossaryTerms"] = GovernanceAspects.GlossaryTerms(terms, stamp);
            }

            fields.Add(info);
        }

        return fields.Count == 0 ? null : new JsonObject { ["editableSchemaFieldInfo"] = fields };
    }

    /// <summary>Tags of the table itself: every tag one of its columns carries, in file order.</summary>
    public static IReadOnlyList<string> DatasetTags(QualifiedTable name, DataHubCatalog catalog) =>
        catalog.Tags.Where(t => t.Columns.Any(c => c.Table == name)).Select(t => t.Id).ToList();
}
