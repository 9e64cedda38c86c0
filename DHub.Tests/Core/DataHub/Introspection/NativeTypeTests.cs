using DHub.Core.DataHub.Introspection;

namespace DHub.Tests.Core.DataHub.Introspection;

/// <summary>Native types print as DataHub's postgres source prints them, and map to the right union member.</summary>
public sealed class NativeTypeTests
{
    [Theory]
    [InlineData("character varying(50)", "VARCHAR(50)")]
    [InlineData("character varying", "VARCHAR")]
    [InlineData("character(3)", "CHAR(3)")]
    [InlineData("bpchar", "CHAR")]
    [InlineData("numeric(15,2)", "NUMERIC(15, 2)")]
    [InlineData("numeric(5,4)", "NUMERIC(5, 4)")]
    [InlineData("numeric", "NUMERIC")]
    [InlineData("integer", "INTEGER")]
    [InlineData("bigint", "BIGINT")]
    [InlineData("smallint", "SMALLINT")]
    [InlineData("double precision", "DOUBLE PRECISION")]
    [InlineData("text", "TEXT")]
    [InlineData("boolean", "BOOLEAN")]
    [InlineData("date", "DATE")]
    [InlineData("timestamp without time zone", "TIMESTAMP WITHOUT TIME ZONE")]
    [InlineData("timestamp(3) with time zone", "TIMESTAMP(3) WITH TIME ZONE")]
    [InlineData("json", "JSON")]
    [InlineData("jsonb", "JSONB")]
    [InlineData("character varying(20)[]", "VARCHAR(20)[]")]
    [InlineData("\"MyType\"", "\"MyType\"")]
    public void Formats_like_datahub(string formatType, string expected) =>
        Assert.Equal(expected, NativeTypeFormatter.Format(formatType));

    [Theory]
    [InlineData("VARCHAR(50)", 'b', SchemaFieldType.String)]
    [InlineData("TEXT", 'b', SchemaFieldType.String)]
    [InlineData("UUID", 'b', SchemaFieldType.String)]
    [InlineData("INTEGER", 'b', SchemaFieldType.Number)]
    [InlineData("BIGINT", 'b', SchemaFieldType.Number)]
    [InlineData("NUMERIC(15, 2)", 'b', SchemaFieldType.Number)]
    [InlineData("DOUBLE PRECISION", 'b', SchemaFieldType.Number)]
    [InlineData("BOOLEAN", 'b', SchemaFieldType.Boolean)]
    [InlineData("DATE", 'b', SchemaFieldType.Date)]
    [InlineData("TIMESTAMP WITHOUT TIME ZONE", 'b', SchemaFieldType.Time)]
    [InlineData("TIMESTAMP(3) WITH TIME ZONE", 'b', SchemaFieldType.Time)]
    [InlineData("TIME WITHOUT TIME ZONE", 'b', SchemaFieldType.Time)]
    [InlineData("JSON", 'b', SchemaFieldType.Record)]
    [InlineData("JSONB", 'b', SchemaFieldType.Record)]
    [InlineData("BYTEA", 'b', SchemaFieldType.Bytes)]
    [InlineData("INTEGER[]", 'b', SchemaFieldType.Array)]
    [InlineData("MOOD", 'e', SchemaFieldType.Enum)]
    [InlineData("GEOMETRY", 'b', SchemaFieldType.Null)]
    public void Maps_to_the_datahub_type_union(string nativeType, char kind, SchemaFieldType expected) =>
        Assert.Equal(expected, SchemaFieldTypeMapper.Map(nativeType, kind));

    [Fact]
    public void Union_members_are_fully_qualified() =>
        Assert.Equal("com.linkedin.schema.TimeType", SchemaFieldType.Time.UnionMember());
}
