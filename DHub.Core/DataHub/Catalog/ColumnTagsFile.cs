using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of column-tags.yaml: a <c>tags</c> list of {id, name, description, columns}.</summary>
internal sealed class ColumnTagsFile
{
    public const string FileName = "column-tags.yaml";

    public List<Entry?>? Tags { get; set; }

    public sealed class Entry
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public List<string>? Columns { get; set; }
    }

    public static IReadOnlyList<TagDefinition> Load(string path)
    {
        var file = CatalogYamlReader.Read<ColumnTagsFile>(path);
        var problems = new List<string>();
        var tags = new List<TagDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in (file.Tags ?? []).Select((e, i) => (e, i)))
        {
            var where = $"tag #{i + 1}" + (entry?.Id is { } id ? $" '{id}'" : "");
            if (entry is null || !CatalogIds.IsValid(entry.Id))
            {
                problems.Add($"{where}: 'id' is missing or invalid ({CatalogIds.Rule})");
                continue;
            }

            if (!ids.Add(entry.Id!))
            {
                problems.Add($"{where}: duplicate id");
            }

            tags.Add(new TagDefinition(
                entry.Id!,
                CatalogYamlReader.Value(entry.Name) ?? entry.Id!,
                entry.Description?.Trim() ?? "",
                ColumnList.Parse(where, entry.Columns, problems)));
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return tags;
    }
}
