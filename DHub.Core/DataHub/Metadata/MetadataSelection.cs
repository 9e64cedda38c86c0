namespace DHub.Core.DataHub.Metadata;

/// <summary>Which parts of DHub's metadata to build; the import commands are subsets of the full stream.</summary>
[Flags]
public enum MetadataSelection
{
    None = 0,

    /// <summary>domain entities (domainProperties).</summary>
    Domains = 1,

    /// <summary>glossaryNode and glossaryTerm entities, with the terms' domains.</summary>
    Glossary = 2,

    /// <summary>tag entities (tagProperties).</summary>
    Tags = 4,

    /// <summary>structuredProperty definitions (propertyDefinition).</summary>
    StructuredProperties = 8,

    /// <summary>
    /// Containers and datasets from the live databases, with their domains, owners, tags, column
    /// terms, cross-database foreign keys, lineage and the schema fields' structured property values.
    /// </summary>
    Datasets = 16,

    /// <summary>Everything that does not need the databases: what import-all publishes.</summary>
    Governance = Domains | Glossary | Tags | StructuredProperties,

    All = Governance | Datasets,
}
