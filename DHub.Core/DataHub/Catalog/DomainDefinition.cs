namespace DHub.Core.DataHub.Catalog;

/// <summary>A DataHub domain (domains.yaml); <paramref name="ParentId"/> is null for a root.</summary>
public sealed record DomainDefinition(string Id, string Name, string Description, string? ParentId);
