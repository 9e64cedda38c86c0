namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of domains.yaml: a <c>domains</c> list of {id, name, description, parent}.</summary>
internal sealed class DomainsFile
{
    public const string FileName = "domains.yaml";

    public List<Entry?>? Domains { get; set; }

    public sealed class Entry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Parent { get; set; }
    }

    /// <summary>The domains, parents before children (DataHub resolves parentDomain by URN, so order is cosmetic but stable).</summary>
    public static IReadOnlyList<DomainDefinition> Load(string path)
    {
        var file = CatalogYamlReader.Read<DomainsFile>(path);
        var problems = new List<string>();
        if (file.Domains is not { Count: > 0 })
        {
            throw new CatalogFileException(path, ["'domains' must be a non-empty list"]);
        }

        var domains = new List<DomainDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Domains.Count; i++)
        {
            var entry = file.Domains[i];
            var where = $"domain #{i + 1}" + (entry?.Id is { } id ? $" '{id}'" : "");
            if (entry is null)
            {
                problems.Add($"{where} is empty");
                continue;
            }

            if (!CatalogIds.IsValid(entry.Id))
            {
                problems.Add($"{where}: 'id' is missing or invalid ({CatalogIds.Rule})");
                continue;
            }

            if (!ids.Add(entry.Id!))
            {
                problems.Add($"{where}: duplicate id");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add($"{where}: 'name' is required");
            }

            domains.Add(new DomainDefinition(entry.Id!, entry.Name?.Trim() ?? "", entry.Description?.Trim() ?? "", CatalogYamlReader.Value(entry.Parent)));
        }

        foreach (var domain in domains.Where(d => d.ParentId is not null && !ids.Contains(d.ParentId)))
        {
            problems.Add($"domain '{domain.Id}': parent '{domain.ParentId}' is not defined");
        }

        var ordered = problems.Count == 0 ? HierarchyOrder.ParentsFirst(domains, d => d.Id, d => d.ParentId, problems, "domain") : domains;
        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return ordered;
    }
}
