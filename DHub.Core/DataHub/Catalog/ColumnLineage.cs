namespace DHub.Core.DataHub.Catalog;

/// <summary>A downstream column computed from one or more upstream columns.</summary>
public sealed record ColumnLineage(string Downstream, IReadOnlyList<string> Upstreams);
