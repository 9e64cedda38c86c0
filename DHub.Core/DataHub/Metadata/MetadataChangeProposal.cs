using System.Text.Json.Nodes;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// One Metadata Change Proposal: an UPSERT of one aspect of one entity. <see cref="McpJson"/> writes
/// it in the file form (<c>datahub ingest mcps</c>) or the wire form (GMS ingestProposal).
/// </summary>
/// <param name="Aspect">The aspect's plain JSON; do not mutate it after building.</param>
/// <param name="LastObserved">systemMetadata.lastObserved, epoch milliseconds.</param>
/// <param name="RunId">systemMetadata.runId; DataHub groups (and can roll back) a run by it.</param>
public sealed record MetadataChangeProposal(
    string EntityType,
    string EntityUrn,
    string AspectName,
    JsonObject Aspect,
    long LastObserved,
    string RunId)
{
    public const string ChangeType = "UPSERT";
}
