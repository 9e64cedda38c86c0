namespace DHub.Core.DataHub.Catalog;

/// <summary>A glossary node, the folder level of DataHub's glossary (glossary.yaml).</summary>
public sealed record GlossaryNodeDefinition(string Id, string Name, string Definition, string? ParentId);
