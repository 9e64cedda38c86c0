using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DHub.Cli.Output;

/// <summary>The shape of every <c>--json</c> document: camelCase, indented, readable non-ASCII.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Query results may hold NaN or Infinity (double precision columns); JSON has no literal for them.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // stdout is not HTML: escaping names like "Société" to \u00E9 only hurts readers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
