using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of owners.yaml: <c>databases</c> and <c>tables</c>, each mapping to a list of {owner, type}.</summary>
internal sealed class OwnersFile
{
    public const string FileName = "owners.yaml";

    private static readonly string[] OwnershipTypes = ["TECHNICAL_OWNER", "BUSINESS_OWNER", "DATA_STEWARD", "NONE"];

    public Dictionary<string, List<Entry?>?>? Databases { get; set; }

    public Dictionary<string, List<Entry?>?>? Tables { get; set; }

    public sealed class Entry
    {
        public string? Owner { get; set; }

        public string? Type { get; set; }
    }

    public static OwnershipAssignments Load(string path)
    {
        var file = CatalogYamlReader.Read<OwnersFile>(path);
        var problems = new List<string>();

        var databases = new Dictionary<string, IReadOnlyList<OwnerAssignment>>(StringComparer.Ordinal);
        foreach (var (database, entries) in file.Databases ?? [])
        {
            databases[database] = Owners($"database '{database}'", entries, problems);
        }

        var tables = new Dictionary<QualifiedTable, IReadOnlyList<OwnerAssignment>>();
        foreach (var (name, entries) in file.Tables ?? [])
        {
            var table = QualifiedTable.TryParse(name);
            if (table is null)
            {
                problems.Add($"table '{name}': expected database.schema.table");
                continue;
            }

            tables[table] = Owners($"table '{name}'", entries, problems);
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return new OwnershipAssignments(databases, tables);
    }

    private static List<OwnerAssignment> Owners(string where, List<Entry?>? entries, List<string> problems)
    {
        var owners = new List<OwnerAssignment>();
        foreach (var entry in entries ?? [])
        {
            var owner = CatalogYamlReader.Value(entry?.Owner);
            var type = CatalogYamlReader.Value(entry?.Type) ?? "TECHNICAL_OWNER";
            string? urn = owner switch
            {
                null => null,
                _ when owner.StartsWith("urn:li:corpGroup:", StringComparison.Ordinal) || owner.StartsWith("urn:li:corpuser:", StringComparison.Ordinal) => owner,
                _ when CatalogIds.IsValid(owner) => DataHubUrns.CorpGroup(owner),
                _ => null,
            };
            if (urn is null)
            {
                problems.Add($"{where}: owner '{owner}' must be a group id ({CatalogIds.Rule}) or a urn:li:corpGroup:/urn:li:corpuser: URN");
                continue;
            }

            if (!OwnershipTypes.Contains(type))
            {
                problems.Add($"{where}: owner '{owner}' has type '{type}', expected one of {string.Join(", ", OwnershipTypes)}");
                continue;
            }

            owners.Add(new OwnerAssignment(urn, type));
        }

        return owners;
    }
}
