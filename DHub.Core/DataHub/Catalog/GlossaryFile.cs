namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// The format of glossary.yaml: <c>nodes</c> {id, name, definition, parent?} and <c>terms</c>
/// {id, name, definition, parent, domain}. Terms hang under nodes; a term never parents anything.
/// </summary>
internal sealed class GlossaryFile
{
    public const string FileName = "glossary.yaml";

    public List<NodeEntry?>? Nodes { get; set; }

    public List<TermEntry?>? Terms { get; set; }

    public sealed class NodeEntry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Definition { get; set; }

        public string? Parent { get; set; }
    }

    public sealed class TermEntry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Definition { get; set; }

        public string? Parent { get; set; }

        public string? Domain { get; set; }
    }

    public static (IReadOnlyList<GlossaryNodeDefinition> Nodes, IReadOnlyList<GlossaryTermDefinition> Terms) Load(
        string path, IReadOnlySet<string> domainIds)
    {
        var file = CatalogYamlReader.Read<GlossaryFile>(path);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        var nodes = new List<GlossaryNodeDefinition>();
        foreach (var (entry, i) in (file.Nodes ?? []).Select((e, i) => (e, i)))
        {
            var where = $"node #{i + 1}" + (entry?.Id is { } id ? $" '{id}'" : "");
            if (!Common(entry?.Id, entry?.Name, entry?.Definition, where, ids, problems))
            {
                continue;
            }

            nodes.Add(new GlossaryNodeDefinition(entry!.Id!, entry.Name!.Trim(), entry.Definition!.Trim(), CatalogYamlReader.Value(entry.Parent)));
        }

        var nodeIds = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => n.ParentId is not null && !nodeIds.Contains(n.ParentId)))
        {
            problems.Add($"node '{node.Id}': parent '{node.ParentId}' is not a glossary node");
        }

        var terms = new List<GlossaryTermDefinition>();
        foreach (var (entry, i) in (file.Terms ?? []).Select((e, i) => (e, i)))
        {
            var where = $"term #{i + 1}" + (entry?.Id is { } id ? $" '{id}'" : "");
            if (!Common(entry?.Id, entry?.Name, entry?.Definition, where, ids, problems))
            {
                continue;
            }

            var parent = CatalogYamlReader.Value(entry!.Parent);
            var domain = CatalogYamlReader.Value(entry.Domain);
            if (parent is null || !nodeIds.Contains(parent))
            {
                problems.Add($"{where}: 'parent' must name a glossary node (terms do not nest inside terms), got '{parent}'");
            }

            if (domain is null || !domainIds.Contains(domain))
            {
                problems.Add($"{where}: 'domain' must name a domain of {DomainsFile.FileName}, got '{domain}'");
            }

            terms.Add(new GlossaryTermDefinition(entry.Id!, entry.Name!.Trim(), entry.Definition!.Trim(), parent ?? "", domain ?? ""));
        }

        if (terms.Count == 0 && problems.Count == 0)
        {
            problems.Add("'terms' must be a non-empty list");
        }

        var ordered = problems.Count == 0 ? HierarchyOrder.ParentsFirst(nodes, n => n.Id, n => n.ParentId, problems, "node") : nodes;
        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return (ordered, terms);
    }

    private static bool Common(string? id, string? name, string? definition, string where, HashSet<string> ids, List<string> problems)
    {
        if (id is null && name is null && definition is null)
        {
            problems.Add($"{where} is empty");
            return false;
        }

        if (!CatalogIds.IsValid(id))
        {
            problems.Add($"{where}: 'id' is missing or invalid ({CatalogIds.Rule})");
            return false;
        }

        if (!ids.Add(id!))
        {
            problems.Add($"{where}: duplicate id (node and term ids share one namespace)");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{where}: 'name' is required");
            return false;
        }

        if (string.IsNullOrWhiteSpace(definition))
        {
            problems.Add($"{where}: 'definition' is required");
            return false;
        }

        return true;
    }
}
