using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// The two JSON forms of an MCP (datahub.md §2-3). The file form, read by <c>datahub ingest mcps</c>,
/// carries the aspect as plain JSON (<c>"aspect": {"json": {...}}</c>); the wire form GMS's
/// ingestProposal expects carries it as a string (<c>"aspect": {"value": "...", "contentType": ...}</c>).
/// </summary>
public static class McpJson
{
    // Relaxed escaping keeps apostrophes and ampersands readable in the file; the output is still valid JSON.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
    };

    public static JsonObject ToFileForm(MetadataChangeProposal mcp) =>
        Envelope(mcp, new JsonObject { ["json"] = mcp.Aspect.DeepClone() });

    public static JsonObject ToWireForm(MetadataChangeProposal mcp) =>
        Envelope(mcp, new JsonObject { ["value"] = SerializeAspect(mcp.Aspect), ["contentType"] = "application/json" });

    /// <summary>The aspect as the compact JSON string the wire form embeds.</summary>
    public static string SerializeAspect(JsonObject aspect) => aspect.ToJsonString(Compact);

    /// <summary>The MCP file: a JSON array in the file form, indented, with \n line ends and a final newline.</summary>
    public static string ToFile(IEnumerable<MetadataChangeProposal> proposals) =>
        new JsonArray(proposals.Select(p => (JsonNode)ToFileForm(p)).ToArray()).ToJsonString(Indented) + "\n";

    public static async Task WriteFileAsync(string path, IEnumerable<MetadataChangeProposal> proposals, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, ToFile(proposals), cancellationToken);
    }

    /// <summary>The body of <c>POST /aspects?action=ingestProposalBatch</c>.</summary>
    public static string BatchRequestBody(IEnumerable<MetadataChangeProposal> proposals) =>
        new JsonObject
        {
            ["proposals"] = new JsonArray(proposals.Select(p => (JsonNode)ToWireForm(p)).ToArray()),
            ["async"] = "false",
        }.ToJsonString(Compact);

    private static JsonObject Envelope(MetadataChangeProposal mcp, JsonObject aspect) => new()
    {
        ["entityType"] = mcp.EntityType,
        ["entityUrn"] = mcp.EntityUrn,
        ["changeType"] = MetadataChangeProposal.ChangeType,
        ["aspectName"] = mcp.AspectName,
        ["aspect"] = aspect,
        ["systemMetadata"] = new JsonObject { ["lastObserved"] = mcp.LastObserved, ["runId"] = mcp.RunId },
    };
}
