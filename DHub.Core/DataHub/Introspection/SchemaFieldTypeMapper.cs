namespace DHub.Core.DataHub.Introspection;

/// <summary>
/// Maps a native PostgreSQL type to DataHub's field type union the way DataHub's SQL sources do
/// (SQLAlchemy type class → union member): numbers, strings, booleans, DATE → DateType, timestamps
/// and times → TimeType, json → RecordType, bytea → BytesType, arrays → ArrayType, enums → EnumType.
/// Anything unknown is NullType, which DataHub also uses for types it cannot map.
/// </summary>
public static class SchemaFieldTypeMapper
{
    /// <param name="nativeType">The formatted native type (see <see cref="NativeTypeFormatter"/>).</param>
    /// <param name="typeKind">pg_type.typtype of the column type: 'e' enum, 'c' composite, 'b' base, 'r' range...</param>
    public static SchemaFieldType Map(string nativeType, char typeKind = 'b')
    {
        if (nativeType.EndsWith("[]", StringComparison.Ordinal))
        {
            return SchemaFieldType.Array;
        }

        switch (typeKind)
        {
            case 'e':
                return SchemaFieldType.Enum;
            case 'c':
                return SchemaFieldType.Record;
        }

        var name = NativeTypeFormatter.BaseName(nativeType);
        if (name.StartsWith("TIMESTAMP", StringComparison.Ordinal) || name.StartsWith("TIME ", StringComparison.Ordinal))
        {
            return SchemaFieldType.Time;
        }

        return name switch
        {
            "BOOLEAN" => SchemaFieldType.Boolean,
            "SMALLINT" or "INTEGER" or "BIGINT" or "REAL" or "DOUBLE PRECISION" or "NUMERIC" or "DECIMAL" or "MONEY" or "OID" => SchemaFieldType.Number,
            "VARCHAR" or "CHAR" or "TEXT" or "NAME" or "CITEXT" or "UUID" or "INET" or "CIDR" or "MACADDR" or "MACADDR8" or "XML" or "TSVECTOR" or "TSQUERY" or "\"CHAR\"" => SchemaFieldType.String,
            "DATE" => SchemaFieldType.Date,
            "TIME" or "INTERVAL" => SchemaFieldType.Time,
            "JSON" or "JSONB" => SchemaFieldType.Record,
            "BYTEA" or "BIT" or "VARBIT" => SchemaFieldType.Bytes,
            "HSTORE" => SchemaFieldType.Map,
            _ => SchemaFieldType.Null,
        };
    }
}
