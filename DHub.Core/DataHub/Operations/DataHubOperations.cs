using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.SchemaDescriptor;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Metadata;
using Microsoft.Extensions.Logging;

namespace DHub.Core.DataHub.Operations;

/// <summary>
/// The DataHub commands, as the CLI and the API call them: build (introspect + catalog → validated
/// MCPs), publish the whole stream or a subset (import-domains, import-glossary, import-all,
/// register-structured-properties), write the MCP file, clear, describe and list databases.
/// Dry runs build and validate everything and send nothing. The catalog is passed in so callers
/// decide where the data files live and when they are (re)loaded.
/// </summary>
public sealed partial class DataHubOperations(
    PostgresIntrospector introspector,
    ServerCatalog serverCatalog,
    DataHubGmsClient gms,
    TimeProvider timeProvider,
    ILogger<DataHubOperations> logger)
{
    /// <summary>Introspects the requested databases (only when datasets are selected) and builds the validated MCP stream.</summary>
    /// <exception cref="MetadataValidationException">The data files disagree with the live databases.</exception>
    public async Task<BuiltMetadata> BuildAsync(DataHubCatalog catalog, DataHubRunRequest request, CancellationToken cancellationToken = default)
    {
        var schemas = request.Selection.HasFlag(MetadataSelection.Datasets)
            ? await introspector.IntrospectAsync(request.Databases, request.Schema, cancellationToken)
            : [];
        var builder = Builder(catalog, request);
        return new BuiltMetadata(builder.RunId, builder.Build(request.Selection, schemas), schemas);
    }

    /// <summary>Builds and sends the selected metadata to GMS (or only counts it in a dry run).</summary>
    public async Task<DataHubRunResult> PublishAsync(
        DataHubCatalog catalog, DataHubRunRequest request, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Publish);
        activity?.SetTag(DataHubTelemetry.Tags.Selection, request.Selection.ToString());
        activity?.SetTag(DataHubTelemetry.Tags.DryRun, request.DryRun);
        var built = await BuildAsync(catalog, request, cancellationToken);
        var summary = built.Summary;
        if (request.DryRun)
        {
            LogDryRun(built.Proposals.Count, request.Selection.ToString());
            return new DataHubRunResult(built.RunId, request.Selection, true, summary, null);
        }

        var emission = await gms.EmitAsync(built.Proposals, progress, cancellationToken);
        return new DataHubRunResult(built.RunId, request.Selection, false, summary, emission);
    }

    /// <summary>import-domains: the 15 domains, parents first.</summary>
    public Task<DataHubRunResult> ImportDomainsAsync(DataHubCatalog catalog, bool dryRun = false, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(catalog, new DataHubRunRequest { Selection = MetadataSelection.Domains, DryRun = dryRun }, progress, cancellationToken);

    /// <summary>import-glossary: glossary nodes, then terms with their domains.</summary>
    public Task<DataHubRunResult> ImportGlossaryAsync(DataHubCatalog catalog, bool dryRun = false, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(catalog, new DataHubRunRequest { Selection = MetadataSelection.Glossary, DryRun = dryRun }, progress, cancellationToken);

    /// <summary>import-all: every governance entity (domains, glossary, tags, structured properties); no database access.</summary>
    public Task<DataHubRunResult> ImportAllAsync(DataHubCatalog catalog, bool dryRun = false, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(catalog, new DataHubRunRequest { Selection = MetadataSelection.Governance, DryRun = dryRun }, progress, cancellationToken);

    /// <summary>register-structured-properties: the property definitions only.</summary>
    public Task<DataHubRunResult> RegisterStructuredPropertiesAsync(DataHubCatalog catalog, bool dryRun = false, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(catalog, new DataHubRunRequest { Selection = MetadataSelection.StructuredProperties, DryRun = dryRun }, progress, cancellationToken);

    /// <summary>Writes the MCP file <c>datahub ingest mcps &lt;path&gt;</c> reads; returns what it holds.</summary>
    public async Task<BuiltMetadata> WriteMcpFileAsync(DataHubCatalog catalog, DataHubRunRequest request, string path, CancellationToken cancellationToken = default)
    {
        var built = await BuildAsync(catalog, request, cancellationToken);
        await McpJson.WriteFileAsync(path, built.Proposals, cancellationToken);
        LogFileWritten(built.Proposals.Count, path);
        return built;
    }

    /// <summary>
    /// clear: soft-deletes (status removed) the datasets and containers of the requested databases and
    /// every structured property, tag, glossary term and node of the catalog, then hard-deletes the
    /// domains (DataHub has no soft delete for domains). A dry run only plans and counts.
    /// </summary>
    public async Task<DataHubRunResult> ClearAsync(
        DataHubCatalog catalog, DataHubRunRequest request, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Clear);
        activity?.SetTag(DataHubTelemetry.Tags.DryRun, request.DryRun);
        var schemas = await introspector.IntrospectAsync(request.Databases, request.Schema, cancellationToken);
        var builder = Builder(catalog, request);
        var plan = builder.BuildRemoval(schemas);
        var summary = McpSummary.Of(plan.SoftDeletes);
        if (request.DryRun)
        {
            LogDryRun(plan.SoftDeletes.Count, "clear");
            return new DataHubRunResult(builder.RunId, MetadataSelection.All, true, summary, null, plan.DomainUrns.Count);
        }

        var emission = await gms.EmitAsync(plan.SoftDeletes, progress, cancellationToken);
        var deleted = await gms.DeleteAsync(plan.DomainUrns, progress, cancellationToken);
        return new DataHubRunResult(builder.RunId, MetadataSelection.All, false, summary, emission, deleted);
    }

    /// <summary>The schema descriptor YAML of the requested databases (no DataHub needed).</summary>
    public async Task<string> DescribeAsync(
        DataHubCatalog catalog, IReadOnlyList<string> databases, DescriptorForm form, string schema = PostgresIntrospector.DefaultSchema, CancellationToken cancellationToken = default)
    {
        var schemas = await introspector.IntrospectAsync(databases, schema, cancellationToken);
        return SchemaDescriptorBuilder.Build(schemas, catalog, form);
    }

    /// <summary>list-databases: the server's non-template databases, their size and whether DHub ingests them by default.</summary>
    public async Task<IReadOnlyList<ServerDatabase>> ListDatabasesAsync(CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.ListDatabases);
        return await serverCatalog.ListDatabasesAsync(cancellationToken);
    }

    private MetadataBuilder Builder(DataHubCatalog catalog, DataHubRunRequest request) =>
        new(catalog, new MetadataBuildOptions { RunId = request.RunId }, timeProvider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dry run ({Selection}): {Proposals} MCPs built and validated, nothing sent")]
    private partial void LogDryRun(int proposals, string selection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Proposals} MCPs to {Path}")]
    private partial void LogFileWritten(int proposals, string path);
}
