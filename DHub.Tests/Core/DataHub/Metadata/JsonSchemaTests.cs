using System.Text.Json.Nodes;
using DHub.Core.DataHub.Metadata;
using DHub.Tests.Core.DataHub.Support;

namespace DHub.Tests.Core.DataHub.Metadata;

/// <summary>The JSON Schemas reject what DataHub would reject, so "no errors" elsewhere means something.</summary>
public sealed class JsonSchemaTests
{
    private static readonly DataHubSchemas Schemas = DataHubSchemas.Instance;

    private static JsonObject File(string entityType, string urn, string aspectName, string aspectJson) => new()
    {
        ["entityType"] = entityType,
        ["entityUrn"] = urn,
        ["changeType"] = "UPSERT",
        ["aspectName"] = aspectName,
        ["aspect"] = new JsonObject { ["json"] = JsonNode.Parse(aspectJson) },
        ["systemMetadata"] = new JsonObject { ["lastObserved"] = 1646575200000, ["runId"] = "postgres-test" },
    };

    [Fact]
    public void DataHubs_own_golden_example_is_valid() =>
        Assert.Empty(Schemas.ValidateFileForm(File("container", "urn:li:container:a6097853edba03be190d99ece4b307ff", "subTypes", """{"typeNames": ["Database"]}""")));

    [Theory]
    [InlineData("container", "urn:li:container:xyz", "subTypes", """{"typeNames": ["Database"]}""")]
    [InlineData("dataset", "urn:li:dataset:(urn:li:dataPlatform:postgres,a.b,PROD)", "status", """{"removed": false}""")]
    [InlineData("domain", "urn:li:domain:x", "status", """{"removed": true}""")]
    [InlineData("domain", "urn:li:domain:paid off", "domainProperties", """{"name": "x"}""")]
    [InlineData("glossaryTerm", "urn:li:glossaryTerm:x", "glossaryTermInfo", """{"name": "x", "definition": "d", "termSource": "INTERNAL", "parentTerm": "urn:li:glossaryTerm:y"}""")]
    [InlineData("dataset", "urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD)", "ownership", """{"owners": [{"owner": "urn:li:corpGroup:g", "type": "TECHNICAL_OWNER"}]}""")]
    [InlineData("dataset", "urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD)", "editableSchemaMetadata", """{"editableSchemaFieldInfo": [{"fieldPath": "c", "glossaryTerms": {"terms": [{"urn": "urn:li:glossaryTerm:t"}]}}]}""")]
    [InlineData("dataset", "urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD)", "unknownAspect", """{}""")]
    [InlineData("schemaField", "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD),col)", "structuredProperties", """{"properties": [{"propertyUrn": "urn:li:structuredProperty:p", "values": ["true"]}]}""")]
    public void Invalid_mcps_are_rejected(string entityType, string urn, string aspectName, string aspect) =>
        Assert.NotEmpty(Schemas.ValidateFileForm(File(entityType, urn, aspectName, aspect)));

    [Theory]
    [InlineData("NUMERIC(15,2)")]
    [InlineData("numeric(15, 2)")]
    [InlineData("character varying(50)")]
    public void Native_types_not_printed_like_datahub_are_rejected(string nativeType) =>
        Assert.NotEmpty(Schemas.ValidateAspect("schemaField", new JsonObject
        {
            ["fieldPath"] = "c",
            ["nullable"] = true,
            ["type"] = new JsonObject { ["type"] = new JsonObject { ["com.linkedin.schema.NumberType"] = new JsonObject() } },
            ["nativeDataType"] = nativeType,
            ["recursive"] = false,
            ["isPartOfKey"] = false,
        }));

    [Fact]
    public void A_type_outside_the_union_is_rejected() =>
        Assert.NotEmpty(Schemas.ValidateAspect("schemaField", JsonNode.Parse("""
            {"fieldPath": "c", "nullable": true, "type": {"type": {"com.linkedin.schema.DecimalType": {}}}, "nativeDataType": "NUMERIC(15, 2)", "recursive": false, "isPartOfKey": false}
            """)!));

    [Fact]
    public void The_wire_form_needs_the_aspect_as_a_string()
    {
        var mcp = new MetadataChangeProposal("tag", "urn:li:tag:PII", "tagProperties", new JsonObject { ["name"] = "PII" }, 1, "r");
        Assert.Empty(Schemas.ValidateWireForm(McpJson.ToWireForm(mcp)));
        Assert.NotEmpty(Schemas.ValidateWireForm(McpJson.ToFileForm(mcp)));
        Assert.NotEmpty(Schemas.ValidateFileForm(McpJson.ToWireForm(mcp)));
    }

    [Fact]
    public void A_batch_of_more_than_200_is_rejected()
    {
        var proposals = new JsonArray(Enumerable.Range(0, 201)
            .Select(i => (JsonNode)McpJson.ToWireForm(new MetadataChangeProposal("tag", $"urn:li:tag:t{i}", "tagProperties", new JsonObject { ["name"] = "t" }, 1, "r")))
            .ToArray());
        Assert.NotEmpty(Schemas.ValidateBatchRequest(new JsonObject { ["proposals"] = proposals, ["async"] = "false" }));
    }
}
