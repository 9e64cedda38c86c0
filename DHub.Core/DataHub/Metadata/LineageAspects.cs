using System.Text.Json.Nodes;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>upstreamLineage of a downstream dataset: dataset-level upstreams plus column-level lineage.</summary>
internal static class LineageAspects
{
    public static JsonObject UpstreamLineage(IReadOnlyList<LineageDefinition> lineageOfTable, AuditStamp stamp, string environment)
    {
        var upstreams = new JsonArray();
        var fineGrained = new JsonArray();
        foreach (var lineage in lineageOfTable)
        {
            var upstreamUrn = DataHubUrns.Dataset(lineage.Upstream, environment);
            var downstreamUrn = DataHubUrns.Dataset(lineage.Downstream, environment);
            upstreams.Add(new JsonObject { ["dataset"] = upstreamUrn, ["type"] = lineage.Type, ["auditStamp"] = stamp.ToJson() });
            foreach (var column in lineage.Columns)
            {
                fineGrained.Add(new JsonObject
                {
                    ["upstreamType"] = "FIELD_SET",
                    ["upstreams"] = new JsonArray(column.Upstreams.Select(c => (JsonNode)JsonValue.Create(DataHubUrns.SchemaField(upstreamUrn, c))).ToArray()),
                    ["downstreamType"] = "FIELD",
                    ["downstreams"] = new JsonArray(DataHubUrns.SchemaField(downstreamUrn, column.Downstream)),
                    // A JsonElement keeps its literal: DataHub's float field gets 1.0, not 1.
                    ["confidenceScore"] = JsonNode.Parse("1.0"),
                });
            }
        }

        var aspect = new JsonObject { ["upstreams"] = upstreams };
        if (fineGrained.Count > 0)
        {
            aspect["fineGrainedLineages"] = fineGrained;
        }

        return aspect;
    }
}
