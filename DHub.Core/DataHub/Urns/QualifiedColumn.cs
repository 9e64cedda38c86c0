namespace DHub.Core.DataHub.Urns;

/// <summary>A column addressed as <c>database.schema.table.column</c>, the form the data files use.</summary>
public sealed record QualifiedColumn(QualifiedTable Table, string Column)
{
    public override string ToString() => $"{Table}.{Column}";

    /// <summary>Parses <c>database.schema.table.column</c>; null unless there are exactly four non-empty parts.</summary>
    public static QualifiedColumn? TryParse(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length > 0)
            ? new QualifiedColumn(new QualifiedTable(parts[0], parts[1], parts[2]), parts[3])
            : null;
    }
}
