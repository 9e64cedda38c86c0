using DHub.Core.DataHub.Metadata;

namespace DHub.Core.DataHub.Gms;

/// <summary>
/// Splits an MCP stream into ingestProposalBatch requests of at most N proposals and about M bytes,
/// keeping the stream's order (parents are sent before the children that name them).
/// </summary>
public static class McpBatcher
{
    public static IReadOnlyList<IReadOnlyList<MetadataChangeProposal>> Split(
        IReadOnlyList<MetadataChangeProposal> proposals, int maxCount, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var batches = new List<IReadOnlyList<MetadataChangeProposal>>();
        var current = new List<MetadataChangeProposal>();
        long bytes = 0;
        foreach (var mcp in proposals)
        {
            // Approximation of the wire size: the aspect string dominates; envelope overhead is small and fixed.
            var size = McpJson.SerializeAspect(mcp.Aspect).Length + mcp.EntityUrn.Length + 256;
            if (current.Count > 0 && (current.Count >= maxCount || bytes + size > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(mcp);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}
