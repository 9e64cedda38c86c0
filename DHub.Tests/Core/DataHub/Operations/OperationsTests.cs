using System.Collections.Concurrent;
using System.Diagnostics;
using DHub.Core.Databases;
using DHub.Core.DataHub;
using DHub.Core.SchemaDescriptor;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Operations;
using DHub.Core.DataHub.Recipes;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using YamlDotNet.RepresentationModel;

namespace DHub.Tests.Core.DataHub.Operations;

/// <summary>
/// The commands end to end, wired as a host wires them (AddDataHub + a connection source), against
/// the fixture's databases and a stand-in GMS.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class OperationsTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task Publishing_everything_sends_every_mcp_in_valid_batches_of_at_most_200()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);

        var result = await wired.Operations.PublishAsync(TestCatalog.Load(), new DataHubRunRequest { RunId = "publish-test" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(result.DryRun);
        Assert.NotNull(result.Emission);
        Assert.Equal(result.Summary.Proposals, result.Emission.Proposals);
        Assert.Equal(result.Summary.Proposals, wired.Gms.AcceptedProposals.Count);
        Assert.True(result.Emission.Batches > 1);
        Assert.Empty(wired.Gms.ShapeErrors);
        Assert.Equal(34, result.Summary.EntitiesByType["dataset"]);
        Assert.All(wired.Gms.AcceptedProposals, p => Assert.Equal("publish-test", p["systemMetadata"]!["runId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dry_run_builds_validates_and_counts_but_sends_nothing()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);

        var result = await wired.Operations.PublishAsync(TestCatalog.Load(), new DataHubRunRequest { DryRun = true }, cancellationToken: TestContext.Current.CancellationToken);
        var clear = await wired.Operations.ClearAsync(TestCatalog.Load(), new DataHubRunRequest { DryRun = true }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.DryRun);
        Assert.Null(result.Emission);
        Assert.True(result.Summary.Proposals > 500);
        Assert.Equal(15, clear.DeletedDomains);
        Assert.Empty(wired.Gms.Requests);
    }

    [Theory]
    [InlineData("domains", 15)]
    [InlineData("glossary", 15 + 34 * 2)]
    [InlineData("structured-properties", 4)]
    [InlineData("all", 15 + 15 + 34 * 2 + 2 + 4)]
    public async Task Imports_send_their_subset_of_the_stream(string import, int expected)
    {
        await using var wired = await WiredOperations.StartAsync(fixture);
        var catalog = TestCatalog.Load();
        var ct = TestContext.Current.CancellationToken;

        var result = import switch
        {
            "domains" => await wired.Operations.ImportDomainsAsync(catalog, cancellationToken: ct),
            "glossary" => await wired.Operations.ImportGlossaryAsync(catalog, cancellationToken: ct),
            "structured-properties" => await wired.Operations.RegisterStructuredPropertiesAsync(catalog, cancellationToken: ct),
            _ => await wired.Operations.ImportAllAsync(catalog, cancellationToken: ct),
        };

        Assert.Equal(expected, result.Summary.Proposals);
        Assert.Equal(expected, wired.Gms.AcceptedProposals.Count);
        Assert.Empty(wired.Gms.ShapeErrors);
        Assert.DoesNotContain(wired.Gms.AcceptedProposals, p => p["entityType"]!.GetValue<string>() is "dataset" or "container");
    }

    [Fact]
    public async Task Clear_soft_deletes_then_deletes_domains_children_first()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);

        var result = await wired.Operations.ClearAsync(TestCatalog.Load(), new DataHubRunRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(15, result.DeletedDomains);
        Assert.Empty(wired.Gms.ShapeErrors);
        Assert.All(wired.Gms.AcceptedProposals, p => Assert.Equal("status", p["aspectName"]!.GetValue<string>()));
        var deletes = wired.Gms.ApiRequests.Where(r => r.PathAndQuery == "/entities?action=delete").ToList();
        Assert.Equal(15, deletes.Count);
        Assert.Contains("banking_operations", deletes[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_descriptor_has_both_forms_with_foreign_keys_and_cross_database_references()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);
        var ct = TestContext.Current.CancellationToken;

        var full = Parse(await wired.Operations.DescribeAsync(TestCatalog.Load(), DemoDatabases.All, DescriptorForm.Full, cancellationToken: ct));
        var minified = Parse(await wired.Operations.DescribeAsync(TestCatalog.Load(), DemoDatabases.All, DescriptorForm.Minified, cancellationToken: ct));

        foreach (var document in new[] { full, minified })
        {
            var tables = DemoDatabases.All.SelectMany(db => Tables(document, db)).ToList();
            Assert.Equal(34, tables.Count);
            Assert.Equal(290, tables.Sum(t => ((YamlSequenceNode)t.Value.Children[new YamlScalarNode("columns")]).Children.Count));
        }

        var loans = Columns(minified, "loans_db", "loans");
        var approvedBy = loans.Single(c => Scalar(c, "name") == "approved_by");
        var reference = (YamlMappingNode)approvedBy.Children[new YamlScalarNode("cross_db_reference")];
        Assert.Equal("employees_db.public.employees", Scalar(reference, "table"));
        Assert.Equal("employee_id", Scalar(reference, "column"));
        Assert.Equal("NUMERIC(5, 4)", Scalar(loans.Single(c => Scalar(c, "name") == "interest_rate"), "type"));

        var collateral = Columns(minified, "loans_db", "collateral").Single(c => Scalar(c, "name") == "loan_id");
        Assert.Equal("loans_db.public.loans", Scalar((YamlMappingNode)collateral.Children[new YamlScalarNode("foreign_key")], "table"));

        var entity = Columns(minified, "compliance_db", "audit_trails").Single(c => Scalar(c, "name") == "entity_id");
        Assert.Equal(4, ((YamlSequenceNode)entity.Children[new YamlScalarNode("cross_db_reference")]).Children.Count);

        var referencing = DemoDatabases.All.SelectMany(db => Tables(minified, db).SelectMany(t =>
            ((YamlSequenceNode)t.Value.Children[new YamlScalarNode("columns")]).Children.Cast<YamlMappingNode>()
                .Where(c => c.Children.ContainsKey(new YamlScalarNode("cross_db_reference"))))).Count();
        Assert.Equal(DHub.Core.References.CrossDatabaseReferences.All.Select(l => (l.SourceDatabase, l.SourceTable, l.SourceColumn)).Distinct().Count(), referencing);

        var fullCustomers = Tables(full, "accounts_db").Single(t => t.Key.ToString() == "customers").Value;
        Assert.Equal("urn:li:dataset:(urn:li:dataPlatform:postgres,accounts_db.public.customers,PROD)", Scalar(fullCustomers, "urn"));
        Assert.Equal("deposit_services", Scalar(fullCustomers, "domain"));
        var email = Columns(full, "accounts_db", "customers").Single(c => Scalar(c, "name") == "email");
        Assert.Equal("PII", ((YamlSequenceNode)email.Children[new YamlScalarNode("tags")]).Children.Single().ToString());
    }

    [Fact]
    public async Task No_secret_appears_in_written_files_logs_spans_or_errors()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);
        var secrets = new[] { wired.Live.Password, GmsClientFactory.FakeToken };
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DataHubTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var catalog = TestCatalog.Load();
        var ct = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "dhub-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var generator = new IngestionRecipeGenerator(catalog);
            foreach (var recipe in generator.PerDatabase(new IngestionRecipeOptions()).Append(generator.AllInOne(new IngestionRecipeOptions { Target = RecipeTarget.Docker })))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, recipe.FileName), recipe.Yaml, ct);
            }

            await wired.Operations.WriteMcpFileAsync(catalog, new DataHubRunRequest(), Path.Combine(directory, "dhub.mcps.json"), ct);
            await File.WriteAllTextAsync(Path.Combine(directory, "descriptor.yaml"), await wired.Operations.DescribeAsync(catalog, DemoDatabases.All, DescriptorForm.Full, cancellationToken: ct), ct);
            await File.WriteAllTextAsync(Path.Combine(directory, "descriptor-minified.yaml"), await wired.Operations.DescribeAsync(catalog, DemoDatabases.All, DescriptorForm.Minified, cancellationToken: ct), ct);
            await wired.Operations.PublishAsync(catalog, new DataHubRunRequest(), cancellationToken: ct);
            wired.Gms.Enqueue(401);
            var refused = await Assert.ThrowsAsync<DataHubGmsException>(() => wired.Operations.ImportDomainsAsync(catalog, cancellationToken: ct));

            Assert.Equal(10, Directory.GetFiles(directory).Length);
            var texts = Directory.GetFiles(directory).Select(File.ReadAllText)
                .Concat(wired.Factory.Logs.Collector.Lines())
                .Append(refused.ToString())
                .Concat(spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}")))
                .ToList();
            Assert.NotEmpty(wired.Factory.Logs.Collector.Lines());
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
            }

            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.Publish);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.Introspect);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.Build);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.Emit);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.EmitBatch);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.CheckServer);
            Assert.Contains(spans, s => s.DisplayName == DataHubTelemetry.Spans.Descriptor);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_mcp_file_is_a_json_array_of_file_form_mcps()
    {
        await using var wired = await WiredOperations.StartAsync(fixture);
        var path = Path.Combine(Path.GetTempPath(), $"dhub-{Guid.NewGuid():N}.mcps.json");
        try
        {
            var built = await wired.Operations.WriteMcpFileAsync(TestCatalog.Load(), new DataHubRunRequest { Databases = [DemoDatabases.Loans] }, path, TestContext.Current.CancellationToken);
            var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsArray();
            Assert.Equal(built.Proposals.Count, file.Count);
            Assert.All(file, mcp => Assert.Empty(DataHubSchemas.Instance.ValidateFileForm(mcp!)));
            Assert.Equal(6, built.Summary.EntitiesByType["dataset"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlMappingNode>> Tables(YamlMappingNode document, string database) =>
        ((YamlMappingNode)Node(document, "databases", database, "schemas", "public", "tables")).Children
            .Select(c => new KeyValuePair<YamlNode, YamlMappingNode>(c.Key, (YamlMappingNode)c.Value));

    private static List<YamlMappingNode> Columns(YamlMappingNode document, string database, string table) =>
        ((YamlSequenceNode)Node(document, "databases", database, "schemas", "public", "tables", table, "columns")).Children.Cast<YamlMappingNode>().ToList();

    private static YamlNode Node(YamlMappingNode node, params string[] keys) =>
        keys.Aggregate((YamlNode)node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
