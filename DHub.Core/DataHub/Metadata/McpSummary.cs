namespace DHub.Core.DataHub.Metadata;

/// <summary>What an MCP stream holds: distinct entities and proposals per entity type, for reports and dry runs.</summary>
public sealed record McpSummary(int Proposals, IReadOnlyDictionary<string, int> EntitiesByType, IReadOnlyDictionary<string, int> ProposalsByAspect)
{
    public static McpSummary Of(IReadOnlyList<MetadataChangeProposal> proposals) => new(
        proposals.Count,
        proposals.DistinctBy(p => p.EntityUrn).GroupBy(p => p.EntityType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        proposals.GroupBy(p => p.AspectName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
}
