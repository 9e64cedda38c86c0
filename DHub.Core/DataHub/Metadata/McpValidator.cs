namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// Structural checks GMS would otherwise fail on, run before anything is sent (and by dry runs):
/// the URN matches the entity type, the aspect exists for that entity type, and no entity gets the
/// same aspect twice (the second UPSERT would silently replace the first).
/// </summary>
public static class McpValidator
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<MetadataChangeProposal> proposals)
    {
        var problems = new List<string>();
        var seen = new HashSet<(string, string)>();
        foreach (var mcp in proposals)
        {
            if (!EntityAspects.IsKnownEntityType(mcp.EntityType))
            {
                problems.Add($"{mcp.EntityUrn}: unknown entity type '{mcp.EntityType}'");
            }
            else if (!EntityAspects.IsAllowed(mcp.EntityType, mcp.AspectName))
            {
                problems.Add($"{mcp.EntityUrn}: entity type '{mcp.EntityType}' has no aspect '{mcp.AspectName}'");
            }

            if (!mcp.EntityUrn.StartsWith($"urn:li:{mcp.EntityType}:", StringComparison.Ordinal))
            {
                problems.Add($"{mcp.EntityUrn}: URN does not match entity type '{mcp.EntityType}'");
            }

            if (!seen.Add((mcp.EntityUrn, mcp.AspectName)))
            {
                problems.Add($"{mcp.EntityUrn}: aspect '{mcp.AspectName}' is proposed twice; the second would replace the first");
            }
        }

        return problems;
    }
}
