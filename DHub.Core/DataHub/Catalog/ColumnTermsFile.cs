namespace DHub.Core.DataHub.Catalog;

/// <summary>The format of column-terms.yaml: <c>terms</c> mapping a term id to its columns.</summary>
internal sealed class ColumnTermsFile
{
    public const string FileName = "column-terms.yaml";

    public Dictionary<string, List<string?>?>? Terms { get; set; }

    public static IReadOnlyList<ColumnTerm> Load(string path, IReadOnlySet<string> termIds)
    {
        var file = CatalogYamlReader.Read<ColumnTermsFile>(path);
        var problems = new List<string>();
        var links = new List<ColumnTerm>();
        foreach (var (term, columns) in file.Terms ?? [])
        {
            if (!termIds.Contains(term))
            {
                problems.Add($"term '{term}' is not a glossary term of {GlossaryFile.FileName} (glossary nodes cannot be attached to columns)");
                continue;
            }

            links.AddRange(ColumnList.Parse($"term '{term}'", columns, problems).Select(c => new ColumnTerm(c, term)));
        }

        if (problems.Count > 0)
        {
            throw new CatalogFileException(path, problems);
        }

        return links;
    }
}
