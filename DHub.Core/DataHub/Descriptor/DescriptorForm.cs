namespace DHub.Core.DataHub.Descriptor;

/// <summary>The two layouts of the schema descriptor (the reference's list-tables --yaml and --yaml --minified).</summary>
public enum DescriptorForm
{
    /// <summary>Everything DataHub would show: URNs, domain, owners, tags, keys, terms, structured properties.</summary>
    Full,

    /// <summary>Compact context for text-to-SQL: descriptions, types, nullability, foreign keys and cross-database references only.</summary>
    Minified,
}
