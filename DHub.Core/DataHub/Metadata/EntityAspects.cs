namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The aspects DataHub's entity registry accepts for each entity type DHub writes (a subset of
/// metadata-models' entity-registry.yml). GMS rejects an unknown aspect, so DHub checks before
/// sending. Note that domains have no <c>status</c> aspect: they cannot be soft-deleted, only deleted.
/// </summary>
public static class EntityAspects
{
    private static readonly Dictionary<string, HashSet<string>> Allowed = new(StringComparer.Ordinal)
    {
        [EntityTypes.Dataset] =
        [
            "status", "container", "datasetProperties", "schemaMetadata", "subTypes", "browsePathsV2", "viewProperties",
            "domains", "ownership", "globalTags", "glossaryTerms", "editableSchemaMetadata", "upstreamLineage", "structuredProperties",
        ],
        [EntityTypes.Container] =
        [
            "containerProperties", "status", "dataPlatformInstance", "subTypes", "browsePathsV2", "container", "domains", "ownership", "globalTags",
        ],
        [EntityTypes.SchemaField] = ["structuredProperties", "status"],
        [EntityTypes.Domain] = ["domainProperties", "ownership", "structuredProperties"],
        [EntityTypes.GlossaryNode] = ["glossaryNodeInfo", "ownership", "status"],
        [EntityTypes.GlossaryTerm] = ["glossaryTermInfo", "domains", "ownership", "status"],
        [EntityTypes.Tag] = ["tagProperties", "ownership", "status"],
        [EntityTypes.StructuredProperty] = ["propertyDefinition", "status"],
    };

    public static bool IsAllowed(string entityType, string aspectName) =>
        Allowed.TryGetValue(entityType, out var aspects) && aspects.Contains(aspectName);

    public static bool IsKnownEntityType(string entityType) => Allowed.ContainsKey(entityType);
}
