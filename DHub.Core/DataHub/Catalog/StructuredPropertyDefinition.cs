namespace DHub.Core.DataHub.Catalog;

/// <summary>A structured property definition (structured-properties.yaml).</summary>
/// <param name="ValueType">string, number, date or urn (becomes urn:li:dataType:datahub.&lt;type&gt;).</param>
/// <param name="Cardinality">SINGLE or MULTIPLE.</param>
/// <param name="EntityTypes">Entity type URNs the property applies to.</param>
public sealed record StructuredPropertyDefinition(
    string Id,
    string QualifiedName,
    string DisplayName,
    string Description,
    string ValueType,
    string Cardinality,
    IReadOnlyList<string> EntityTypes,
    IReadOnlyList<AllowedValue> AllowedValues)
{
    public bool IsMultiple => Cardinality == "MULTIPLE";
}
