using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of lineage.yaml: a <c>lineage</c> list of {downstream, upstream, type, columns}.</summary>
internal sealed class LineageFile
{
    public const string FileName = "lineage.yaml";

    private static readonly string[] Types = ["COPY", "TRANSFORMED", "VIEW"];

    public List<Entry?>? Lineage { get; set; }

    public sealed class Entry
    {
        public string? Downstream { get; set; }

        public string? Upstream { get; set; }

        public string? Type { get; set; }

        public List<ColumnEntry?>? Columns { get; set; }
    }

    public sealed class ColumnEntry
    {
        public string? Downstream { get; set; }

        public List<string?>? Upstreams { get; set; }
    }

    public static IReadOnlyList<LineageDefinition> Load(string path)
    {
        var file = CatalogYamlReader.Read<LineageFile>(path);
        var problems = new List<string>();
        var lineage = new List<LineageDefinition>();
        foreach (var (entry, i) in (file.Lineage ?? []).Select((e, i) => (e, i)))
        {
            var where = $"lineage #{i + 1}";
            var downstream = entry?.Downstream is { } d ? QualifiedTable.TryParse(d.Trim()) : null;
            var upstream = entry?.Upstream is { } u ? QualifiedTable.TryParse(u.Trim()) : null;
            if (downstream is null || upstream is null)
            {
                problems.Add($"{where}: 'downstream' and 'upstream' must be written database.schema.table");
                continue;
            }

            var type = CatalogYamlReader.Value(entry!.Type) ?? "TRANSFORMED";
            if (!Types.Contains(type))
            {
                problems.Add($"{where}: 'type' must be one of {string.Join(", ", Types)}, got '{type}'");
            }

            var columns = new List<ColumnLineage>();
            foreach (var column in entry.Columns ?? [])
            {
                var target = CatalogYamlReader.Value(column?.Downstream);
                var sources = (column?.Upstreams ?? []).Select(CatalogYamlReader.Value).OfType<string>().ToList();
                if (target is null || sources.Count == 0)
                {
                    problems.Add($"{where} ({downstream}): every column needs a 'downstream' column and at least one 'upstreams' column");
                    continue;
                }

                columns.Add(new ColumnLineage(target, sources));
            }

            lineage.Add(new LineageDefinition(downstream, upstream, type, columns));
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return lineage;
    }
}
