using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// DHub's business metadata: the user-editable data files under <c>databases/datahub/</c>, loaded
/// and cross-checked (terms name existing domains, column links name existing terms...). Whether the
/// columns exist is checked later against the live databases, see <see cref="Metadata.CatalogSchemaCheck"/>.
/// Cross-database references are not here: they come from CrossDatabaseReferences.All.
/// </summary>
public sealed record DataHubCatalog(
    IReadOnlyList<DomainDefinition> Domains,
    IReadOnlyList<GlossaryNodeDefinition> GlossaryNodes,
    IReadOnlyList<GlossaryTermDefinition> GlossaryTerms,
    IReadOnlyList<TagDefinition> Tags,
    IReadOnlyList<StructuredPropertyDefinition> StructuredProperties,
    DomainAssignments DatasetDomains,
    OwnershipAssignments Owners,
    IReadOnlyList<ColumnTerm> ColumnTerms,
    IReadOnlyList<LineageDefinition> Lineage)
{
    /// <summary>The folder, relative to the repository root, that holds the data files.</summary>
    public const string RelativeDirectory = "databases/datahub";

    /// <summary>The data files, in load order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        DomainsFile.FileName,
        GlossaryFile.FileName,
        StructuredPropertiesFile.FileName,
        DatabaseDomainsFile.FileName,
        OwnersFile.FileName,
        ColumnTagsFile.FileName,
        ColumnTermsFile.FileName,
        LineageFile.FileName,
    ];

    /// <summary>Loads and validates every data file of <paramref name="directory"/>.</summary>
    /// <exception cref="CatalogFileException">A file is missing, malformed or inconsistent; the message names it.</exception>
    public static DataHubCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CatalogFileException(directory, ["the DataHub data directory does not exist"]);
        }

        string PathOf(string name) => Path.Combine(directory, name);

        var domains = DomainsFile.Load(PathOf(DomainsFile.FileName));
        var domainIds = domains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var (nodes, terms) = GlossaryFile.Load(PathOf(GlossaryFile.FileName), domainIds);
        var properties = StructuredPropertiesFile.Load(PathOf(StructuredPropertiesFile.FileName));
        var datasetDomains = DatabaseDomainsFile.Load(PathOf(DatabaseDomainsFile.FileName), domainIds);
        var owners = OwnersFile.Load(PathOf(OwnersFile.FileName));
        var tags = ColumnTagsFile.Load(PathOf(ColumnTagsFile.FileName));
        var columnTerms = ColumnTermsFile.Load(PathOf(ColumnTermsFile.FileName), terms.Select(t => t.Id).ToHashSet(StringComparer.Ordinal));
        var lineage = LineageFile.Load(PathOf(LineageFile.FileName));

        return new DataHubCatalog(domains, nodes, terms, tags, properties, datasetDomains, owners, columnTerms, lineage);
    }

    /// <summary>Walks up from <paramref name="start"/> to the repository's <c>databases/datahub</c> folder.</summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeDirectory);
            if (File.Exists(Path.Combine(candidate, DomainsFile.FileName)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tags on one column, in file order.</summary>
    public IEnumerable<TagDefinition> TagsOf(QualifiedColumn column) => Tags.Where(t => t.Columns.Contains(column));

    /// <summary>The glossary terms on one column, in file order.</summary>
    public IEnumerable<string> TermsOf(QualifiedColumn column) => ColumnTerms.Where(l => l.Column == column).Select(l => l.TermId);
}
