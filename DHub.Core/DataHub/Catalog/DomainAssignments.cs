using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// Which domain each dataset belongs to (database-domains.yaml): the database's domain unless the
/// table has its own.
/// </summary>
public sealed record DomainAssignments(
    IReadOnlyDictionary<string, string> Databases,
    IReadOnlyDictionary<QualifiedTable, string> Tables)
{
    public string? DomainOf(QualifiedTable table) =>
        Tables.TryGetValue(table, out var domain) ? domain : DomainOfDatabase(table.Database);

    public string? DomainOfDatabase(string database) => Databases.GetValueOrDefault(database);
}
