using System.Globalization;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>Dollar amounts inside generated texts, formatted identically on every machine (no current culture).</summary>
internal static class UsdText
{
    public static string Of(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
