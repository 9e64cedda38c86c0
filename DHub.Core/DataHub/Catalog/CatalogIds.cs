using System.Text.RegularExpressions;

namespace DHub.Core.DataHub.Catalog;

/// <summary>
/// What an id in the data files may look like. Ids end up inside URNs, where commas, parentheses
/// and spaces break parsing (an id such as <c>paid off</c> would give <c>urn:li:domain:paid off</c>).
/// </summary>
internal static partial class CatalogIds
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public const string Rule = "letters, digits, '_', '-' and '.' only";
}
