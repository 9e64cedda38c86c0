namespace DHub.Core.DataHub.Urns;

/// <summary>A table as DataHub names postgres datasets: <c>database.schema.table</c>.</summary>
public sealed record QualifiedTable(string Database, string Schema, string Table)
{
    public override string ToString() => $"{Database}.{Schema}.{Table}";

    /// <summary>Parses <c>database.schema.table</c>; null when the text does not have exactly three non-empty parts.</summary>
    public static QualifiedTable? TryParse(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0) ? new QualifiedTable(parts[0], parts[1], parts[2]) : null;
    }
}
