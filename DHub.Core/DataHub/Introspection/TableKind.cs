namespace DHub.Core.DataHub.Introspection;

/// <summary>The relation kinds DataHub's postgres source ingests (tables and views).</summary>
public enum TableKind
{
    Table,
    View,
    MaterializedView,
}
