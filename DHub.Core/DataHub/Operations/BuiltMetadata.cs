using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Metadata;

namespace DHub.Core.DataHub.Operations;

/// <summary>A validated MCP stream and the schemas it was built from.</summary>
public sealed record BuiltMetadata(string RunId, IReadOnlyList<MetadataChangeProposal> Proposals, IReadOnlyList<DatabaseSchema> Schemas)
{
    public McpSummary Summary => McpSummary.Of(Proposals);
}
