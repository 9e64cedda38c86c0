namespace DHub.Core.Schema;

/// <summary>The closed set of values a column accepts; each one is enforced by a CHECK in its init script.</summary>
public sealed record Vocabulary(string Database, string Table, string Column, IReadOnlyList<string> Values)
{
    public bool Contains(string value) => Values.Contains(value, StringComparer.Ordinal);
}
