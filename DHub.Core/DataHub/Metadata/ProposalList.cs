using System.Text.Json.Nodes;

namespace DHub.Core.DataHub.Metadata;

/// <summary>Collects the MCPs of one build, stamping each with the build's time and run id.</summary>
internal sealed class ProposalList(long lastObserved, string runId)
{
    private readonly List<MetadataChangeProposal> _items = [];

    public long Now => lastObserved;

    public IReadOnlyList<MetadataChangeProposal> Items => _items;

    public void Add(string entityType, string entityUrn, string aspectName, JsonObject aspect) =>
        _items.Add(new MetadataChangeProposal(entityType, entityUrn, aspectName, aspect, lastObserved, runId));
}
