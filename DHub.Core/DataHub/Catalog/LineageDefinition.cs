using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>Data flowing from one table into another (lineage.yaml), with column-level detail.</summary>
/// <param name="Type">COPY, TRANSFORMED or VIEW (DataHub's DatasetLineageType).</param>
public sealed record LineageDefinition(
    QualifiedTable Downstream,
    QualifiedTable Upstream,
    string Type,
    IReadOnlyList<ColumnLineage> Columns);
