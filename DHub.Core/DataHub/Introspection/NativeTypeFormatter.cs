using System.Globalization;
using System.Text.RegularExpressions;

namespace DHub.Core.DataHub.Introspection;

/// <summary>
/// Turns PostgreSQL's <c>format_type()</c> text into the native type string DataHub shows. DataHub's
/// postgres source prints SQLAlchemy's reflected types: upper case, short names (VARCHAR, CHAR) and
/// a space after the comma of a precision/scale pair (<c>numeric(15,2)</c> becomes <c>NUMERIC(15, 2)</c>).
/// Matching it keeps DHub's schemaMetadata identical to what a real ingestion writes.
/// </summary>
public static partial class NativeTypeFormatter
{
    public static string Format(string formattedType)
    {
        var text = formattedType.Trim();
        var dimensions = 0;
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            dimensions++;
            text = text[..^2];
        }

        // Quoted identifiers are user-defined types whose case is significant: keep them as they are.
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            text = ShortName(text).ToUpperInvariant();
            text = ModifierComma().Replace(text, ", ");
        }

        return text + string.Concat(Enumerable.Repeat("[]", dimensions));
    }

    private static string ShortName(string text)
    {
        foreach (var (longName, shortName) in ShortNames)
        {
            if (text.StartsWith(longName, StringComparison.Ordinal)
                && (text.Length == longName.Length || text[longName.Length] == '('))
            {
                return shortName + text[longName.Length..];
            }
        }

        return text;
    }

    // Longest first: "character varying" must win over "character".
    private static readonly (string Long, string Short)[] ShortNames =
    [
        ("character varying", "varchar"),
        ("character", "char"),
        ("bpchar", "char"),
        ("bit varying", "varbit"),
    ];

    [GeneratedRegex(@",\s*")]
    private static partial Regex ModifierComma();

    /// <summary>The type name without modifiers or array brackets, e.g. <c>NUMERIC</c> for <c>NUMERIC(15, 2)</c>.</summary>
    public static string BaseName(string nativeType)
    {
        var text = nativeType;
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        var paren = text.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            var close = text.IndexOf(')', paren);
            // TIMESTAMP(3) WITHOUT TIME ZONE keeps its suffix: the precision sits in the middle.
            text = close >= 0 ? (text[..paren] + text[(close + 1)..]) : text[..paren];
        }

        return text.Trim().ToUpper(CultureInfo.InvariantCulture);
    }
}
