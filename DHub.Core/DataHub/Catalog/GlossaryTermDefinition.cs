namespace DHub.Core.DataHub.Catalog;

/// <summary>A glossary term under a node, belonging to one domain (glossary.yaml).</summary>
public sealed record GlossaryTermDefinition(string Id, string Name, string Definition, string ParentNodeId, string DomainId);
