namespace DHub.Core.Seeding;

/// <summary>One of the 34 demo tables, with the columns the seed pipeline writes (SERIAL keys left out).</summary>
public sealed record DemoTable(string Database, string Table, IReadOnlyList<string> Columns)
{
    /// <summary><c>database.table</c>, the key of a run's row counts.</summary>
    public string QualifiedName => $"{Database}.{Table}";

    /// <summary>The table for SQL run in its own database: <c>public."table"</c>.</summary>
    public string Sql => $"public.{Quote(Table)}";

    /// <summary>The COPY columns, quoted and comma-separated.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(Quote));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
