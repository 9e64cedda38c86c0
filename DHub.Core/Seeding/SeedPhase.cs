namespace DHub.Core.Seeding;

/// <summary>
/// A step of the pipeline. Its tables are produced in order: a table's factory runs only after
/// the previous table has been loaded, so it can use the ids that table recorded in the context.
/// </summary>
public sealed record SeedPhase(int Number, string Name, IReadOnlyList<Func<SeedContext, ITableLoad>> Tables)
{
    /// <summary>The span name shown in the dashboard, e.g. "phase 1 foundation".</summary>
    public string SpanName => $"phase {Number} {Name}";
}
