using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// The format of structured-properties.yaml: a top-level list, as <c>datahub properties upsert</c>
/// reads it.
/// </summary>
internal sealed class StructuredPropertiesFile
{
    public const string FileName = "structured-properties.yaml";

    private static readonly string[] ValueTypes = ["string", "number", "date", "urn"];
    private static readonly string[] Cardinalities = ["SINGLE", "MULTIPLE"];

    public sealed class Entry
    {
        public string? Id { get; set; }

        public string? QualifiedName { get; set; }

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public string? Type { get; set; }

        public string? Cardinality { get; set; }

        public List<string>? EntityTypes { get; set; }

        public List<AllowedValueEntry?>? AllowedValues { get; set; }
    }

    public sealed class AllowedValueEntry
    {
        public string? Value { get; set; }

        public string? Description { get; set; }
    }

    public static IReadOnlyList<StructuredPropertyDefinition> Load(string path)
    {
        var entries = CatalogYamlReader.Read<List<Entry?>>(path);
        var problems = new List<string>();
        var properties = new List<StructuredPropertyDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            var id = CatalogYamlReader.Value(entry?.Id) ?? CatalogYamlReader.Value(entry?.QualifiedName);
            var where = $"property #{i + 1}" + (id is null ? "" : $" '{id}'");
            if (entry is null || !CatalogIds.IsValid(id))
            {
                problems.Add($"{where}: 'id' (or 'qualified_name') is missing or invalid ({CatalogIds.Rule})");
                continue;
            }

            if (!ids.Add(id!))
            {
                problems.Add($"{where}: duplicate id");
            }

            var type = CatalogYamlReader.Value(entry.Type) ?? "string";
            if (!ValueTypes.Contains(type))
            {
                problems.Add($"{where}: 'type' must be one of {string.Join(", ", ValueTypes)}, got '{type}'");
            }

            var cardinality = CatalogYamlReader.Value(entry.Cardinality) ?? "SINGLE";
            if (!Cardinalities.Contains(cardinality))
            {
                problems.Add($"{where}: 'cardinality' must be SINGLE or MULTIPLE, got '{cardinality}'");
            }

            var entityTypes = (entry.EntityTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => DataHubUrns.EntityType(t.Trim())).ToList();
            if (entityTypes.Count == 0)
            {
                problems.Add($"{where}: 'entity_types' must list at least one entity type");
            }

            var allowed = new List<AllowedValue>();
            foreach (var value in entry.AllowedValues ?? [])
            {
                if (string.IsNullOrEmpty(value?.Value))
                {
                    problems.Add($"{where}: every allowed value needs a 'value'");
                    continue;
                }

                allowed.Add(new AllowedValue(value.Value, CatalogYamlReader.Value(value.Description)));
            }

            properties.Add(new StructuredPropertyDefinition(
                id!,
                CatalogYamlReader.Value(entry.QualifiedName) ?? id!,
                CatalogYamlReader.Value(entry.DisplayName) ?? id!,
                entry.Description?.Trim() ?? "",
                type,
                cardinality,
                entityTypes,
                allowed));
        }

        if (properties.Count == 0 && problems.Count == 0)
        {
            problems.Add("the file must be a non-empty list of property definitions");
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return properties;
    }
}
