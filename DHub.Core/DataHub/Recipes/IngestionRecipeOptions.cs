using DHub.Core.Databases;

namespace DHub.Core.DataHub.Recipes;

/// <summary>What the generated postgres → datahub-rest recipes point at. Holds no secrets: recipes never contain any.</summary>
public sealed record IngestionRecipeOptions
{
    public RecipeTarget Target { get; init; } = RecipeTarget.Host;

    /// <summary>The databases to ingest, in order.</summary>
    public IReadOnlyList<string> Databases { get; init; } = DemoDatabases.All;

    public string Schema { get; init; } = "public";

    /// <summary>PostgreSQL host in host mode.</summary>
    public string PostgresHost { get; init; } = "localhost";

    /// <summary>PostgreSQL port in host mode (the port published on this machine).</summary>
    public int PostgresPort { get; init; } = 5432;

    /// <summary>PostgreSQL's host name on the container network in docker mode (port 5432 there).</summary>
    public string DockerPostgresHost { get; init; } = "postgres";

    public string Username { get; init; } = "postgres";

    /// <summary>GMS URL; null means http://localhost:8080 (host) or http://datahub-gms:8080 (docker).</summary>
    public Uri? GmsServer { get; init; }

    /// <summary>Adds <c>profiling</c> (row counts, column statistics): slower, and the source of most ingestion failures on big tables.</summary>
    public bool Profiling { get; init; }

    /// <summary>Adds view lineage and view column lineage.</summary>
    public bool ViewLineage { get; init; } = true;
}
