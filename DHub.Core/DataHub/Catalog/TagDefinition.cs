using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>A tag and the columns that carry it (column-tags.yaml).</summary>
public sealed record TagDefinition(string Id, string Name, string Description, IReadOnlyList<QualifiedColumn> Columns);
