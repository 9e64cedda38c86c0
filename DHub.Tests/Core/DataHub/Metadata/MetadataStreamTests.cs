using System.Text.Json.Nodes;
using DHub.Core.Databases;
using DHub.Core.DataHub.Introspection;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Urns;
using DHub.Core.References;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.Time.Testing;

namespace DHub.Tests.Core.DataHub.Metadata;

/// <summary>The full MCP stream built from the live databases and the data files: counts, shapes, order, golden file.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class MetadataStreamTests(LocalAppFixture fixture)
{
    public static readonly DateTimeOffset FixedNow = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    public const string GoldenRunId = "dhub-golden";

    private static MetadataBuilder Builder() =>
        new(TestCatalog.Load(), new MetadataBuildOptions { RunId = GoldenRunId }, new FakeTimeProvider(FixedNow));

    private async Task<(IReadOnlyList<DatabaseSchema> Schemas, IReadOnlyList<MetadataChangeProposal> Proposals)> BuildAllAsync()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var schemas = await live.IntrospectAllAsync();
        return (schemas, Builder().Build(MetadataSelection.All, schemas));
    }

    private static IEnumerable<MetadataChangeProposal> Aspect(IEnumerable<MetadataChangeProposal> proposals, string name) =>
        proposals.Where(p => p.AspectName == name);

    [Fact]
    public async Task Every_mcp_matches_the_json_schemas_in_file_and_wire_form()
    {
        var (_, proposals) = await BuildAllAsync();
        var errors = proposals.SelectMany(p => DataHubSchemas.Instance.ValidateFileForm(McpJson.ToFileForm(p)))
            .Concat(proposals.SelectMany(p => DataHubSchemas.Instance.ValidateWireForm(McpJson.ToWireForm(p))))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));

        // The file as a whole is what `datahub ingest mcps` reads: a JSON array of file-form MCPs.
        var file = JsonNode.Parse(McpJson.ToFile(proposals))!.AsArray();
        Assert.Equal(proposals.Count, file.Count);
    }

    [Fact]
    public async Task The_stream_holds_34_datasets_with_290_fields_every_foreign_key_and_every_cross_database_link()
    {
        var (schemas, proposals) = await BuildAllAsync();

        var schemaMetadata = Aspect(proposals, "schemaMetadata").ToList();
        Assert.Equal(34, schemaMetadata.Count);
        Assert.Equal(34, proposals.Where(p => p.EntityType == EntityTypes.Dataset).Select(p => p.EntityUrn).Distinct().Count());
        Assert.Equal(290, schemaMetadata.Sum(p => p.Aspect["fields"]!.AsArray().Count));

        var foreignKeys = schemaMetadata
            .SelectMany(p => p.Aspect["foreignKeys"]?.AsArray() ?? [], (p, fk) => (Dataset: p.EntityUrn, Key: fk!.AsObject()))
            .ToList();
        foreach (var schema in schemas)
        {
            foreach (var table in schema.Tables)
            {
                var urn = DataHubUrns.Dataset(new QualifiedTable(schema.Database, schema.Schema, table.Name));
                foreach (var fk in table.ForeignKeys)
                {
                    var emitted = Assert.Single(foreignKeys, k => k.Dataset == urn && k.Key["name"]!.GetValue<string>() == fk.Name);
                    var target = DataHubUrns.Dataset(new QualifiedTable(schema.Database, fk.ReferencedSchema, fk.ReferencedTable));
                    Assert.Equal(target, emitted.Key["foreignDataset"]!.GetValue<string>());
                    Assert.Equal(fk.Columns.Select(c => DataHubUrns.SchemaField(urn, c)), emitted.Key["sourceFields"]!.AsArray().Select(n => n!.GetValue<string>()));
                    Assert.Equal(fk.ReferencedColumns.Select(c => DataHubUrns.SchemaField(target, c)), emitted.Key["foreignFields"]!.AsArray().Select(n => n!.GetValue<string>()));
                }
            }
        }

        Assert.Equal(28, foreignKeys.Count(k => !k.Key["name"]!.GetValue<string>().StartsWith("xdb_", StringComparison.Ordinal)));
        Assert.Equal(CrossDatabaseReferences.All.Count, foreignKeys.Count(k => k.Key["name"]!.GetValue<string>().StartsWith("xdb_", StringComparison.Ordinal)));
        foreach (var link in CrossDatabaseReferences.All)
        {
            var source = DataHubUrns.Dataset(new QualifiedTable(link.SourceDatabase, "public", link.SourceTable));
            var target = DataHubUrns.Dataset(new QualifiedTable(link.TargetDatabase, "public", link.TargetTable));
            Assert.Single(foreignKeys, k =>
                k.Dataset == source
                && k.Key["foreignDataset"]!.GetValue<string>() == target
                && k.Key["sourceFields"]![0]!.GetValue<string>() == DataHubUrns.SchemaField(source, link.SourceColumn)
                && k.Key["foreignFields"]![0]!.GetValue<string>() == DataHubUrns.SchemaField(target, link.TargetColumn));
        }
    }

    [Fact]
    public async Task Cross_database_columns_carry_the_four_structured_properties()
    {
        var (_, proposals) = await BuildAllAsync();
        var values = Aspect(proposals, "structuredProperties").ToList();
        var columns = CrossDatabaseReferences.All.GroupBy(l => (l.SourceDatabase, l.SourceTable, l.SourceColumn)).ToList();
        Assert.Equal(columns.Count, values.Count);
        Assert.All(values, v => Assert.Equal(EntityTypes.SchemaField, v.EntityType));

        string[] Values(string column, string property) =>
            values.Single(v => v.EntityUrn == DataHubUrns.SchemaField(QualifiedColumn.TryParse(column)!.Table, QualifiedColumn.TryParse(column)!.Column))
                .Aspect["properties"]!.AsArray().Single(p => p!["propertyUrn"]!.GetValue<string>() == $"urn:li:structuredProperty:{property}")!["values"]!
                .AsArray().Select(v => v!["string"]!.GetValue<string>()).ToArray();

        Assert.Equal(["employees_db.public.employees"], Values("loans_db.public.loans.approved_by", "fk_target_table"));
        Assert.Equal(["employee_id"], Values("loans_db.public.loans.approved_by", "fk_target_column"));
        Assert.Equal(["true"], Values("loans_db.public.loans.approved_by", "fk_cross_database"));
        Assert.Equal(["Loan officer who approved the loan"], Values("loans_db.public.loans.approved_by", "fk_relationship_description"));
        Assert.Equal(
            ["accounts_db.public.accounts", "accounts_db.public.customers", "loans_db.public.loans", "accounts_db.public.transactions"],
            Values("compliance_db.public.audit_trails.entity_id", "fk_target_table"));
        Assert.Contains("when entity_type = 'loan'", Values("compliance_db.public.audit_trails.entity_id", "fk_relationship_description")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Governance_entities_come_first_and_datasets_carry_domains_owners_tags_and_terms()
    {
        var (_, proposals) = await BuildAllAsync();

        Assert.Equal(15, Aspect(proposals, "domainProperties").Count());
        Assert.Equal(15, Aspect(proposals, "glossaryNodeInfo").Count());
        Assert.Equal(34, Aspect(proposals, "glossaryTermInfo").Count());
        Assert.Equal(4, Aspect(proposals, "propertyDefinition").Count());
        Assert.Equal(12, Aspect(proposals, "containerProperties").Count());
        var firstContainer = proposals.ToList().FindIndex(p => p.EntityType == EntityTypes.Container);
        Assert.All(proposals.Take(firstContainer), p => Assert.Contains(p.EntityType, new[] { "domain", "glossaryNode", "glossaryTerm", "tag", "structuredProperty" }));

        var datasets = proposals.Where(p => p.EntityType == EntityTypes.Dataset).Select(p => p.EntityUrn).Distinct().ToList();
        Assert.All(datasets, urn =>
        {
            Assert.Single(proposals, p => p.EntityUrn == urn && p.AspectName == "domains");
            Assert.Single(proposals, p => p.EntityUrn == urn && p.AspectName == "ownership");
        });

        var loans = DataHubUrns.Dataset(new QualifiedTable("loans_db", "public", "loans"));
        var ownership = proposals.Single(p => p.EntityUrn == loans && p.AspectName == "ownership").Aspect;
        Assert.Contains(ownership["owners"]!.AsArray(), o => o!["owner"]!.GetValue<string>() == "urn:li:corpGroup:lending");
        Assert.Equal(FixedNow.ToUnixTimeMilliseconds(), ownership["lastModified"]!["time"]!.GetValue<long>());

        var customers = DataHubUrns.Dataset(new QualifiedTable("accounts_db", "public", "customers"));
        Assert.Equal("urn:li:tag:PII", proposals.Single(p => p.EntityUrn == customers && p.AspectName == "globalTags").Aspect["tags"]![0]!["tag"]!.GetValue<string>());

        // One editableSchemaMetadata per dataset, holding every tagged or termed column of it.
        var editable = Aspect(proposals, "editableSchemaMetadata").ToList();
        Assert.Equal(editable.Count, editable.Select(e => e.EntityUrn).Distinct().Count());
        var customerFields = editable.Single(e => e.EntityUrn == customers).Aspect["editableSchemaFieldInfo"]!.AsArray();
        Assert.Equal(["customer_id", "first_name", "last_name", "date_of_birth", "email", "phone"], customerFields.Select(f => f!["fieldPath"]!.GetValue<string>()));
        Assert.Equal("urn:li:glossaryTerm:customer_id", customerFields[0]!["glossaryTerms"]!["terms"]![0]!["urn"]!.GetValue<string>());
        Assert.Equal("urn:li:tag:PII", customerFields[1]!["globalTags"]!["tags"]![0]!["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lineage_flows_only_from_the_customer_master_to_the_crm_profile()
    {
        var (_, proposals) = await BuildAllAsync();
        var lineage = Assert.Single(Aspect(proposals, "upstreamLineage"));
        var master = DataHubUrns.Dataset(new QualifiedTable("accounts_db", "public", "customers"));
        var profile = DataHubUrns.Dataset(new QualifiedTable("customer_db", "public", "customer_profiles"));
        Assert.Equal(profile, lineage.EntityUrn);
        Assert.Equal(master, lineage.Aspect["upstreams"]![0]!["dataset"]!.GetValue<string>());
        Assert.Equal("TRANSFORMED", lineage.Aspect["upstreams"]![0]!["type"]!.GetValue<string>());
        var fullName = lineage.Aspect["fineGrainedLineages"]!.AsArray().Single(f => f!["downstreams"]![0]!.GetValue<string>() == DataHubUrns.SchemaField(profile, "full_name"))!;
        Assert.Equal([DataHubUrns.SchemaField(master, "first_name"), DataHubUrns.SchemaField(master, "last_name")], fullName["upstreams"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains("\"confidenceScore\":1.0", McpJson.SerializeAspect(lineage.Aspect), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Containers_match_datahubs_postgres_source()
    {
        var (_, proposals) = await BuildAllAsync();
        var database = DataHubUrns.DatabaseContainer(DemoDatabases.Employees);
        var schema = DataHubUrns.SchemaContainer(DemoDatabases.Employees, "public");
        Assert.Equal("urn:li:container:e10f6478d92f8e21b852f0152258dd62", database);
        Assert.Equal(
            ["containerProperties", "status", "dataPlatformInstance", "subTypes", "browsePathsV2", "domains", "ownership"],
            proposals.Where(p => p.EntityUrn == database).Select(p => p.AspectName));
        Assert.Equal(
            ["containerProperties", "status", "dataPlatformInstance", "subTypes", "container", "browsePathsV2", "domains"],
            proposals.Where(p => p.EntityUrn == schema).Select(p => p.AspectName));
        Assert.Equal(database, proposals.Single(p => p.EntityUrn == schema && p.AspectName == "container").Aspect["container"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_inputs_build_the_same_stream()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var schemas = await live.IntrospectAllAsync();
        Assert.Equal(McpJson.ToFile(Builder().Build(MetadataSelection.All, schemas)), McpJson.ToFile(Builder().Build(MetadataSelection.All, schemas)));
    }

    /// <summary>Regenerate with DHUB_UPDATE_GOLDEN=1 after an intended change, and review the diff.</summary>
    [Fact]
    public async Task The_employees_db_mcp_file_matches_the_golden_file()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var schema = await live.Introspector.IntrospectAsync(DemoDatabases.Employees, cancellationToken: TestContext.Current.CancellationToken);
        var proposals = Builder().Build(MetadataSelection.Datasets, [schema]);
        GoldenFile.AssertMatches("employees_db.mcps.json", McpJson.ToFile(proposals));
    }

    [Fact]
    public async Task A_data_file_naming_a_missing_column_fails_before_anything_is_built()
    {
        var directory = TestCatalog.CopyToTemp();
        try
        {
            var path = Path.Combine(directory, "column-terms.yaml");
            File.WriteAllText(path, File.ReadAllText(path).Replace("accounts_db.public.accounts.balance", "accounts_db.public.accounts.balanse", StringComparison.Ordinal));
            var catalog = DHub.Core.DataHub.Catalog.DataHubCatalog.Load(directory);
            await using var live = await LiveDatabases.OpenAsync(fixture);
            var schemas = await live.IntrospectAllAsync();

            var error = Assert.Throws<MetadataValidationException>(() => new MetadataBuilder(catalog).Build(MetadataSelection.All, schemas));
            Assert.Contains("column-terms.yaml, term 'balance': column accounts_db.public.accounts.balanse does not exist in the live database", error.Problems);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Clear_soft_deletes_everything_dhub_created_and_lists_the_domains_to_delete()
    {
        var (schemas, _) = await BuildAllAsync();
        var plan = Builder().BuildRemoval(schemas);
        Assert.All(plan.SoftDeletes, p =>
        {
            Assert.Equal("status", p.AspectName);
            Assert.True(p.Aspect["removed"]!.GetValue<bool>());
        });
        Assert.Empty(McpValidator.Problems(plan.SoftDeletes));
        Assert.Equal(34, plan.SoftDeletes.Count(p => p.EntityType == EntityTypes.Dataset));
        Assert.Equal(12, plan.SoftDeletes.Count(p => p.EntityType == EntityTypes.Container));
        Assert.Equal(34, plan.SoftDeletes.Count(p => p.EntityType == EntityTypes.GlossaryTerm));
        Assert.Equal(15, plan.SoftDeletes.Count(p => p.EntityType == EntityTypes.GlossaryNode));
        Assert.Equal(4, plan.SoftDeletes.Count(p => p.EntityType == EntityTypes.StructuredProperty));
        Assert.DoesNotContain(plan.SoftDeletes, p => p.EntityType == EntityTypes.Domain);
        Assert.Equal(15, plan.DomainUrns.Count);
        Assert.Equal("urn:li:domain:banking_operations", plan.DomainUrns[^1]);
        Assert.All(plan.SoftDeletes, p => Assert.Empty(DataHubSchemas.Instance.ValidateFileForm(McpJson.ToFileForm(p))));
    }
}
