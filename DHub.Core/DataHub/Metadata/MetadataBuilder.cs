using System.Globalization;
using System.Text.Json.Nodes;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Metadata;

/// <summary>
/// Builds the ordered MCP stream DHub publishes: governance entities first (domains parents first,
/// glossary nodes, terms, tags, structured properties), then per database its containers and its
/// datasets sorted by name, each dataset followed by its schema fields' structured properties.
/// The order and every value are deterministic for a given catalog, schema, time and run id, so the
/// output compares to a golden file.
/// </summary>
public sealed class MetadataBuilder
{
    private readonly DataHubCatalog _catalog;
    private readonly MetadataBuildOptions _options;
    private readonly TimeProvider _time;

    public MetadataBuilder(DataHubCatalog catalog, MetadataBuildOptions? options = null, TimeProvider? timeProvider = null)
    {
        _catalog = catalog;
        _options = options ?? new MetadataBuildOptions();
        _time = timeProvider ?? TimeProvider.System;
        RunId = _options.RunId ?? "dhub-" + _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>The run id stamped on every MCP of this builder.</summary>
    public string RunId { get; }

    /// <summary>Builds the selected parts. <paramref name="schemas"/> is only read when Datasets is selected.</summary>
    /// <exception cref="MetadataValidationException">The data files disagree with the live schema, or an MCP would be rejected.</exception>
    public IReadOnlyList<MetadataChangeProposal> Build(MetadataSelection selection, IReadOnlyList<DatabaseSchema>? schemas = null)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Build);
        activity?.SetTag(DataHubTelemetry.Tags.Selection, selection.ToString());
        schemas ??= [];

        if (selection.HasFlag(MetadataSelection.Datasets))
        {
            var problems = CatalogSchemaCheck.Problems(_catalog, schemas);
            if (problems.Count > 0)
            {
                throw new MetadataValidationException(problems);
            }
        }

        var list = NewList();
        var stamp = new AuditStamp(list.Now, _options.Actor);

        if (selection.HasFlag(MetadataSelection.Domains))
        {
            foreach (var domain in _catalog.Domains)
            {
                GovernanceAspects.AddDomain(list, domain);
            }
        }

        if (selection.HasFlag(MetadataSelection.Glossary))
        {
            foreach (var node in _catalog.GlossaryNodes)
            {
                GovernanceAspects.AddGlossaryNode(list, node);
            }

            foreach (var term in _catalog.GlossaryTerms)
            {
                GovernanceAspects.AddGlossaryTerm(list, term);
            }
        }

        if (selection.HasFlag(MetadataSelection.Tags))
        {
            foreach (var tag in _catalog.Tags)
            {
                GovernanceAspects.AddTag(list, tag);
            }
        }

        if (selection.HasFlag(MetadataSelection.StructuredProperties))
        {
            foreach (var property in _catalog.StructuredProperties)
            {
                GovernanceAspects.AddStructuredProperty(list, property);
            }
        }

        if (selection.HasFlag(MetadataSelection.Datasets))
        {
            foreach (var database in schemas.GroupBy(s => s.Database))
            {
                AddDatabase(list, database.Key, database.OrderBy(s => s.Schema, StringComparer.Ordinal).ToList(), stamp);
            }
        }

        var invalid = McpValidator.Problems(list.Items);
        if (invalid.Count > 0)
        {
            throw new MetadataValidationException(invalid);
        }

        activity?.SetTag(DataHubTelemetry.Tags.Proposals, list.Items.Count);
        return list.Items;
    }

    /// <summary>
    /// The soft deletes of <c>clear</c>, in reverse dependency order: datasets, schema and database
    /// containers, structured properties, tags, glossary terms, glossary nodes (children first);
    /// plus the domains to hard-delete.
    /// </summary>
    public RemovalPlan BuildRemoval(IReadOnlyList<DatabaseSchema> schemas)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Build);
        activity?.SetTag(DataHubTelemetry.Tags.Selection, "clear");
        var list = NewList();
        var env = _options.Environment;

        foreach (var schema in schemas)
        {
            foreach (var table in schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                list.Add(EntityTypes.Dataset, DataHubUrns.Dataset(new QualifiedTable(schema.Database, schema.Schema, table.Name), env), "status", Removed());
            }

            list.Add(EntityTypes.Container, DataHubUrns.SchemaContainer(schema.Database, schema.Schema, env), "status", Removed());
        }

        foreach (var database in schemas.Select(s => s.Database).Distinct(StringComparer.Ordinal))
        {
            list.Add(EntityTypes.Container, DataHubUrns.DatabaseContainer(database, env), "status", Removed());
        }

        foreach (var property in _catalog.StructuredProperties)
        {
            list.Add(EntityTypes.StructuredProperty, DataHubUrns.StructuredProperty(property.Id), "status", Removed());
        }

        foreach (var tag in _catalog.Tags)
        {
            list.Add(EntityTypes.Tag, DataHubUrns.Tag(tag.Id), "status", Removed());
        }

        foreach (var term in _catalog.GlossaryTerms)
        {
            list.Add(EntityTypes.GlossaryTerm, DataHubUrns.GlossaryTerm(term.Id), "status", Removed());
        }

        foreach (var node in _catalog.GlossaryNodes.Reverse())
        {
            list.Add(EntityTypes.GlossaryNode, DataHubUrns.GlossaryNode(node.Id), "status", Removed());
        }

        var domains = _catalog.Domains.Reverse().Select(d => DataHubUrns.Domain(d.Id)).ToList();
        activity?.SetTag(DataHubTelemetry.Tags.Proposals, list.Items.Count);
        return new RemovalPlan(list.Items, domains);
    }

    private static JsonObject Removed() => GovernanceAspects.Status(removed: true);

    private ProposalList NewList() => new(_time.GetUtcNow().ToUnixTimeMilliseconds(), RunId);

    private void AddDatabase(ProposalList list, string database, IReadOnlyList<DatabaseSchema> schemas, AuditStamp stamp)
    {
        var env = _options.Environment;
        var databaseUrn = DataHubUrns.DatabaseContainer(database, env);
        ContainerAspects.AddDatabase(list, database, env);
        var databaseDomain = _catalog.DatasetDomains.DomainOfDatabase(database);
        if (databaseDomain is not null)
        {
            list.Add(EntityTypes.Container, databaseUrn, "domains", GovernanceAspects.Domains(databaseDomain));
        }

        var databaseOwners = _catalog.Owners.OwnersOfDatabase(database);
        if (databaseOwners.Count > 0)
        {
            list.Add(EntityTypes.Container, databaseUrn, "ownership", GovernanceAspects.Ownership(databaseOwners, stamp));
        }

        foreach (var schema in schemas)
        {
            var schemaUrn = DataHubUrns.SchemaContainer(database, schema.Schema, env);
            ContainerAspects.AddSchema(list, database, schema.Schema, env);
            if (databaseDomain is not null)
            {
                list.Add(EntityTypes.Container, schemaUrn, "domains", GovernanceAspects.Domains(databaseDomain));
            }

            foreach (var table in schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                AddDataset(list, new QualifiedTable(database, schema.Schema, table.Name), table, databaseUrn, schemaUrn, stamp);
            }
        }
    }

    private void AddDataset(ProposalList list, QualifiedTable name, TableSchema table, string databaseUrn, string schemaUrn, AuditStamp stamp)
    {
        var env = _options.Environment;
        var urn = DataHubUrns.Dataset(name, env);
        var links = CrossDatabaseProperties.From(name);

        list.Add(EntityTypes.Dataset, urn, "status", GovernanceAspects.Status(removed: false));
        list.Add(EntityTypes.Dataset, urn, "container", new() { ["container"] = schemaUrn });
        list.Add(EntityTypes.Dataset, urn, "datasetProperties", DatasetAspects.DatasetProperties(table));
        list.Add(EntityTypes.Dataset, urn, "schemaMetadata", DatasetAspects.SchemaMetadata(name, table, links, env));
        list.Add(EntityTypes.Dataset, urn, "subTypes", DatasetAspects.SubTypes(table));
        list.Add(EntityTypes.Dataset, urn, "browsePathsV2", ContainerAspects.BrowsePath(databaseUrn, schemaUrn));
        if (table.IsView)
        {
            list.Add(EntityTypes.Dataset, urn, "viewProperties", DatasetAspects.ViewProperties(table));
        }

        if (_catalog.DatasetDomains.DomainOf(name) is { } domain)
        {
            list.Add(EntityTypes.Dataset, urn, "domains", GovernanceAspects.Domains(domain));
        }

        var owners = _catalog.Owners.OwnersOf(name);
        if (owners.Count > 0)
        {
            list.Add(EntityTypes.Dataset, urn, "ownership", GovernanceAspects.Ownership(owners, stamp));
        }

        var tags = ColumnAnnotations.DatasetTags(name, _catalog);
        if (tags.Count > 0)
        {
            list.Add(EntityTypes.Dataset, urn, "globalTags", GovernanceAspects.GlobalTags(tags));
        }

        if (ColumnAnnotations.EditableSchemaMetadata(name, table, _catalog, stamp) is { } editable)
        {
            list.Add(EntityTypes.Dataset, urn, "editableSchemaMetadata", editable);
        }

        var lineage = _catalog.Lineage.Where(l => l.Downstream == name).ToList();
        if (lineage.Count > 0)
        {
            list.Add(EntityTypes.Dataset, urn, "upstreamLineage", LineageAspects.UpstreamLineage(lineage, stamp, env));
        }

        foreach (var column in table.Columns)
        {
            var linksOfColumn = links.Where(l => l.SourceColumn == column.Name).ToList();
            if (linksOfColumn.Count > 0)
            {
                list.Add(EntityTypes.SchemaField, DataHubUrns.SchemaField(urn, column.Name), "structuredProperties", CrossDatabaseProperties.Values(linksOfColumn));
            }
        }
    }
}
