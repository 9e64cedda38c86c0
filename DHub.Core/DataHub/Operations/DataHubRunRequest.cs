using DHub.Core.Databases;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Metadata;

namespace DHub.Core.DataHub.Operations;

/// <summary>What one publish, clear or file export covers.</summary>
public sealed record DataHubRunRequest
{
    public MetadataSelection Selection { get; init; } = MetadataSelection.All;

    /// <summary>Databases to introspect when datasets are selected (any database of the server).</summary>
    public IReadOnlyList<string> Databases { get; init; } = DemoDatabases.All;

    public string Schema { get; init; } = PostgresIntrospector.DefaultSchema;

    /// <summary>Build and validate, count, send nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>systemMetadata.runId; null derives one from the current time.</summary>
    public string? RunId { get; init; }
}
