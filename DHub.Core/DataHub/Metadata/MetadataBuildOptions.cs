using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>Identity and provenance stamped on every MCP of one build.</summary>
public sealed record MetadataBuildOptions
{
    /// <summary>systemMetadata.runId; null derives <c>dhub-yyyyMMdd-HHmmss</c> from the time provider.</summary>
    public string? RunId { get; init; }

    /// <summary>The actor of audit stamps (ownership, glossary terms, lineage).</summary>
    public string Actor { get; init; } = "urn:li:corpuser:datahub";

    /// <summary>DataHub's fabric type, part of every dataset and container key.</summary>
    public string Environment { get; init; } = DataHubUrns.DefaultEnvironment;
}
