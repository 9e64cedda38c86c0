using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DHub.Core.DataHub.Urns;

/// <summary>
/// DataHub's container key GUID (datahub_guid in the Python SDK): the lowercase hex MD5 of the key
/// fields serialized the way Python's <c>json.dumps(sort_keys=True, separators=(",", ":"))</c> does,
/// non-ASCII escaped as \uXXXX. Reproducing it byte for byte is what makes DHub's containers the
/// same entities as those of DataHub's own postgres source, so both can write to them.
/// </summary>
public static class ContainerGuid
{
    /// <summary>With no platform instance, DataHub puts the environment in the key as <c>instance</c>.</summary>
    public static string ForDatabase(string platform, string database, string environment) =>
        Compute(new Dictionary<string, string>
        {
            ["platform"] = platform,
            ["instance"] = environment,
            ["database"] = database,
        });

    public static string ForSchema(string platform, string database, string schema, string environment) =>
        Compute(new Dictionary<string, string>
        {
            ["platform"] = platform,
            ["instance"] = environment,
            ["database"] = database,
            ["schema"] = schema,
        });

    public static string Compute(IReadOnlyDictionary<string, string> key)
    {
        var json = PythonCompactJson(key);
        // MD5 is what DataHub uses to name containers; it is an identifier here, not a security measure.
#pragma warning disable CA5351
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(json));
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The exact text Python's json.dumps produces for a flat string map with sorted keys.</summary>
    public static string PythonCompactJson(IReadOnlyDictionary<string, string> key)
    {
        var text = new StringBuilder("{");
        var first = true;
        // Python sorts by code point; ordinal UTF-16 order matches it for every key DataHub uses.
        foreach (var (name, value) in key.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            AppendString(text, name);
            text.Append(':');
            AppendString(text, value);
        }

        return text.Append('}').ToString();
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    // ensure_ascii: every char outside printable ASCII as \uXXXX (surrogate pairs stay two escapes, like Python).
                    if (c < 0x20 || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
