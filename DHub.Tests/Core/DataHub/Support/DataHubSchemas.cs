using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>
/// The JSON Schemas of DataHub's shapes (DataHub/Schemas/*.schema.json, written from datahub.md §2-6),
/// and validation of an MCP in the file or wire form: the envelope first, then the aspect against the
/// schema of its aspect name.
/// </summary>
public sealed class DataHubSchemas
{
    private const string BaseUri = "https://dhub.test/schemas/";

    private static readonly Lazy<DataHubSchemas> Shared = new(() => new DataHubSchemas());

    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<string, JsonSchema> _refs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly HashSet<string> _aspectNames;

    private DataHubSchemas()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Core", "DataHub", "Schemas");
        foreach (var file in new[] { "urns.schema.json", "aspects.schema.json", "mcp.schema.json" })
        {
            JsonSchema.FromText(File.ReadAllText(Path.Combine(directory, file)), _build);
        }

        var aspects = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "aspects.schema.json")))!["$defs"]!.AsObject();
        _aspectNames = aspects.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    public static DataHubSchemas Instance => Shared.Value;

    /// <summary>Errors of one MCP in the file form (<c>aspect.json</c>); empty when valid.</summary>
    public IReadOnlyList<string> ValidateFileForm(JsonNode mcp) =>
        Validate(mcp, "mcp.schema.json#/$defs/file", m => m["aspect"]?["json"]);

    /// <summary>Errors of one MCP in the wire form (<c>aspect.value</c> is a JSON string); empty when valid.</summary>
    public IReadOnlyList<string> ValidateWireForm(JsonNode mcp) =>
        Validate(mcp, "mcp.schema.json#/$defs/wire", m => m["aspect"]?["value"]?.GetValue<string>() is { } text ? JsonNode.Parse(text) : null);

    /// <summary>Errors of an ingestProposalBatch body, including every proposal and its aspect.</summary>
    public IReadOnlyList<string> ValidateBatchRequest(JsonNode body)
    {
        var errors = Evaluate(body, "mcp.schema.json#/$defs/batchRequest").ToList();
        foreach (var proposal in body["proposals"]?.AsArray() ?? [])
        {
            errors.AddRange(ValidateWireForm(proposal!));
        }

        return errors;
    }

    /// <summary>Errors of an aspect against the schema of its name.</summary>
    public IReadOnlyList<string> ValidateAspect(string aspectName, JsonNode aspect) =>
        _aspectNames.Contains(aspectName)
            ? Evaluate(aspect, $"aspects.schema.json#/$defs/{aspectName}").ToList()
            : [$"no schema for aspect '{aspectName}'"];

    private List<string> Validate(JsonNode mcp, string envelope, Func<JsonNode, JsonNode?> aspectOf)
    {
        var urn = mcp["entityUrn"]?.ToString() ?? "(no urn)";
        var aspectName = mcp["aspectName"]?.ToString() ?? "(no aspect name)";
        var errors = Evaluate(mcp, envelope).Select(e => $"{urn} {aspectName}: {e}").ToList();
        var aspect = aspectOf(mcp);
        if (aspect is null)
        {
            errors.Add($"{urn} {aspectName}: no aspect payload");
        }
        else
        {
            errors.AddRange(ValidateAspect(aspectName, aspect).Select(e => $"{urn} {aspectName}: {e}"));
        }

        return errors;
    }

    private IEnumerable<string> Evaluate(JsonNode instance, string reference)
    {
        JsonSchema schema;
        lock (_lock)
        {
            if (!_refs.TryGetValue(reference, out schema!))
            {
                schema = JsonSchema.FromText($$"""{"$ref": "{{BaseUri}}{{reference}}"}""", _build);
                _refs[reference] = schema;
            }
        }

        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .DefaultIfEmpty($"invalid against {reference}")
            .ToList();
    }
}
