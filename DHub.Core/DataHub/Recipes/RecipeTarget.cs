namespace DHub.Core.DataHub.Recipes;

/// <summary>Where <c>datahub ingest</c> will run, which decides the host names in the recipe.</summary>
public enum RecipeTarget
{
    /// <summary>On this machine: PostgreSQL at localhost:&lt;port&gt;, GMS at http://localhost:8080.</summary>
    Host,

    /// <summary>Inside DataHub's containers (UI-started ingestion): container host names, GMS at http://datahub-gms:8080.</summary>
    Docker,
}
