using System.Text.Json.Nodes;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The database and schema containers exactly as DataHub's postgres source emits them (same GUIDs,
/// same aspects), so DHub's datasets land in the containers a real ingestion would create.
/// </summary>
internal static class ContainerAspects
{
    public static void AddDatabase(ProposalList list, string database, string environment)
    {
        var urn = DataHubUrns.DatabaseContainer(database, environment);
        list.Add(EntityTypes.Container, urn, "containerProperties", new JsonObject
        {
            ["customProperties"] = new JsonObject { ["platform"] = DataHubUrns.Platform, ["env"] = environment, ["database"] = database },
            ["name"] = database,
            ["env"] = environment,
        });
        AddCommon(list, urn, "Database");
        list.Add(EntityTypes.Container, urn, "browsePathsV2", new JsonObject { ["path"] = new JsonArray() });
    }

    public static void AddSchema(ProposalList list, string database, string schema, string environment)
    {
        var databaseUrn = DataHubUrns.DatabaseContainer(database, environment);
        var urn = DataHubUrns.SchemaContainer(database, schema, environment);
        list.Add(EntityTypes.Container, urn, "containerProperties", new JsonObject
        {
            ["customProperties"] = new JsonObject
            {
                ["platform"] = DataHubUrns.Platform, ["env"] = environment, ["database"] = database, ["schema"] = schema,
            },
            ["name"] = schema,
            ["env"] = environment,
        });
        AddCommon(list, urn, "Schema");
        list.Add(EntityTypes.Container, urn, "container", new JsonObject { ["container"] = databaseUrn });
        list.Add(EntityTypes.Container, urn, "browsePathsV2", BrowsePath(databaseUrn));
    }

    /// <summary>browsePathsV2 {path: [{id, urn}...]} through the given containers.</summary>
    public static JsonObject BrowsePath(params string[] containerUrns) => new()
    {
        ["path"] = new JsonArray(containerUrns.Select(u => (JsonNode)new JsonObject { ["id"] = u, ["urn"] = u }).ToArray()),
    };

    private static void AddCommon(ProposalList list, string urn, string subType)
    {
        list.Add(EntityTypes.Container, urn, "status", new JsonObject { ["removed"] = false });
        list.Add(EntityTypes.Container, urn, "dataPlatformInstance", new JsonObject { ["platform"] = DataHubUrns.PlatformUrn });
        list.Add(EntityTypes.Container, urn, "subTypes", new JsonObject { ["typeNames"] = new JsonArray(subType) });
    }
}
