namespace DHub.Core.DataHub.Introspection;

/// <summary>
/// The members of DataHub's <c>SchemaFieldDataType</c> union, each serialized as
/// <c>com.linkedin.schema.&lt;Name&gt;Type</c>.
/// </summary>
public enum SchemaFieldType
{
    Boolean,
    Fixed,
    String,
    Bytes,
    Number,
    Date,
    Time,
    Enum,
    Null,
    Map,
    Array,
    Union,
    Record,
}
