namespace DHub.Core.SchemaDescriptor;

/// <summary>The two layouts of the schema descriptor (<c>schema export --yaml</c> and <c>--yaml --minified</c>).</summary>
public enum DescriptorForm
{
    /// <summary>Everything DataHub would show: URNs, domain, owners, tags, keys, terms, structured properties.</summary>
    Full,

    /// <summary>Compact context for text-to-SQL: descriptions, types, nullability, foreign keys and cross-database references only.</summary>
    Minified,
}
