using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>Owners of databases and of single tables (owners.yaml); tables inherit their database's owners.</summary>
public sealed record OwnershipAssignments(
    IReadOnlyDictionary<string, IReadOnlyList<OwnerAssignment>> Databases,
    IReadOnlyDictionary<QualifiedTable, IReadOnlyList<OwnerAssignment>> Tables)
{
    public IReadOnlyList<OwnerAssignment> OwnersOfDatabase(string database) =>
        Databases.TryGetValue(database, out var owners) ? owners : [];

    /// <summary>The database's owners followed by the table's own, without duplicates.</summary>
    public IReadOnlyList<OwnerAssignment> OwnersOf(QualifiedTable table) =>
        OwnersOfDatabase(table.Database)
            .Concat(Tables.TryGetValue(table, out var owners) ? owners : [])
            .Distinct()
            .ToList();
}
