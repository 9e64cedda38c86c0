using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of database-domains.yaml: <c>databases</c> db → domain, <c>tables</c> db.schema.table → domain.</summary>
internal sealed class DatabaseDomainsFile
{
    public const string FileName = "database-domains.yaml";

    public Dictionary<string, string?>? Databases { get; set; }

    public Dictionary<string, string?>? Tables { get; set; }

    public static DomainAssignments Load(string path, IReadOnlySet<string> domainIds)
    {
        var file = CatalogYamlReader.Read<DatabaseDomainsFile>(path);
        var problems = new List<string>();

        var databases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (database, domain) in file.Databases ?? [])
        {
            if (CheckDomain($"database '{database}'", domain, domainIds, problems))
            {
                databases[database] = domain!.Trim();
            }
        }

        var tables = new Dictionary<QualifiedTable, string>();
        foreach (var (name, domain) in file.Tables ?? [])
        {
            var table = QualifiedTable.TryParse(name);
            if (table is null)
            {
                problems.Add($"table '{name}': expected database.schema.table");
            }
            else if (CheckDomain($"table '{name}'", domain, domainIds, problems))
            {
                tables[table] = domain!.Trim();
            }
        }

        if (databases.Count == 0 && problems.Count == 0)
        {
            problems.Add("'databases' must map at least one database to a domain");
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return new DomainAssignments(databases, tables);
    }

    private static bool CheckDomain(string where, string? domain, IReadOnlySet<string> domainIds, List<string> problems)
    {
        if (domain is null || !domainIds.Contains(domain.Trim()))
        {
            problems.Add($"{where}: '{domain}' is not a domain of {DomainsFile.FileName}");
            return false;
        }

        return true;
    }
}
