using System.Text.Json.Nodes;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>DataHub's AuditStamp {time, actor}; required by ownership, glossaryTerms and lineage.</summary>
internal readonly record struct AuditStamp(long Time, string Actor)
{
    /// <summary>What DataHub's SQL sources put in schemaMetadata.created/lastModified.</summary>
    public static AuditStamp Unknown { get; } = new(0, DataHubUrns.UnknownActor);

    public JsonObject ToJson() => new() { ["time"] = Time, ["actor"] = Actor };
}
