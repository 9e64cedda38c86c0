using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace DHub.Tests.Cli;

/// <summary>
/// <c>dhub datahub ...</c> against the fixture's databases and a stand-in GMS. Retry backoff is cut
/// to a millisecond through DHUB_GMS_RETRY_DELAY_MS; production keeps DataHubGmsOptions' defaults.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed partial class DataHubCommandTests(LocalAppFixture fixture)
{
    private const string Token = "dhub-cli-test-token-3b7e91";

    private async Task<CliRunner> CliAsync(StandInGms? gms = null)
    {
        var cli = (await CliRunner.ForFixtureAsync(fixture))
            .With("DHUB_GMS_RETRY_DELAY_MS", "1")
            .With("DATAHUB_TOKEN", Token);
        return gms is null ? cli : cli.With("DATAHUB_GMS_URL", gms.Url.ToString());
    }

    private async Task<string> PasswordAsync() =>
        new NpgsqlConnectionStringBuilder(await CliRunner.ServerConnectionStringAsync(fixture)).Password!;

    [Theory]
    [InlineData("datahub")]
    [InlineData("datahub recipe")]
    [InlineData("datahub mcps")]
    [InlineData("datahub emit")]
    [InlineData("datahub list-databases")]
    [InlineData("datahub import-domains")]
    [InlineData("datahub import-glossary")]
    [InlineData("datahub import-all")]
    [InlineData("datahub register-structured-properties")]
    [InlineData("datahub clear")]
    public async Task Help_works_on_every_datahub_command(string command)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync([.. command.Split(' '), "--help"]);

        result.AssertSuccess();
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"dhub {command}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recipe_writes_parsable_recipes_with_only_secret_references()
    {
        using var cli = await CliAsync();
        var password = await PasswordAsync();
        var port = new NpgsqlConnectionStringBuilder(await CliRunner.ServerConnectionStringAsync(fixture)).Port;

        var perDatabase = await cli.RunAsync("datahub", "recipe");
        var allInOne = await cli.RunAsync("datahub", "recipe", "--all-in-one", "--target", "docker", "-o", "docker", "--json");

        perDatabase.AssertSuccess();
        allInOne.AssertSuccess();
        var directory = Path.Combine(cli.CurrentDirectory, "ingest_configs");
        var files = Directory.GetFiles(directory).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(new[] { "accounts_db", "compliance_db", "customer_db", "employees_db", "insurance_db", "loans_db" }.Select(d => $"ingest_{d}.yml"), files);
        Assert.Contains("ingest_loans_db.yml", perDatabase.Out, StringComparison.Ordinal);
        var listed = allInOne.Json().GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(["ingest_all.yml"], listed);

        foreach (var file in Directory.GetFiles(directory).Append(Path.Combine(cli.CurrentDirectory, "docker", "ingest_all.yml")))
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var source = (YamlMappingNode)((YamlMappingNode)root["source"])["config"];
            Assert.Equal("${POSTGRES_PASSWORD}", source["password"].ToString());
            Assert.Equal("${DATAHUB_TOKEN}", ((YamlMappingNode)((YamlMappingNode)root["sink"])["config"])["token"].ToString());
            Assert.All(SecretReference().Matches(text), m => Assert.Contains(m.Value, new[] { "${POSTGRES_PASSWORD}", "${DATAHUB_TOKEN}" }));
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            if (!file.EndsWith("ingest_all.yml", StringComparison.Ordinal))
            {
                Assert.EndsWith($":{port}", source["host_port"].ToString(), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(password, perDatabase.Out + allInOne.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mcps_writes_a_valid_json_array_of_every_dataset()
    {
        using var cli = await CliAsync();

        var all = await cli.RunAsync("datahub", "mcps", "-o", "all.mcps.json", "--json");
        var one = await cli.RunAsync("datahub", "mcps", "-o", "employees.mcps.json", "-d", "employees_db");

        all.AssertSuccess();
        Assert.Equal(34, all.Json().GetProperty("entities").GetProperty("dataset").GetInt32());
        var mcps = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.CurrentDirectory, "all.mcps.json"), TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(all.Json().GetProperty("proposals").GetInt32(), mcps.Count);
        Assert.Equal(34, mcps.Where(m => m!["entityType"]!.GetValue<string>() == "dataset").Select(m => m!["entityUrn"]!.GetValue<string>()).Distinct().Count());
        Assert.All(mcps, m => Assert.Empty(DataHubSchemas.Instance.ValidateFileForm(m!)));

        one.AssertSuccess();
        Assert.Contains("Wrote ", one.Out, StringComparison.Ordinal);
        Assert.Matches(@"dataset\s*│?\s*6\b", one.Out);
        var employees = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.CurrentDirectory, "employees.mcps.json"), TestContext.Current.CancellationToken))!.AsArray();
        Assert.Equal(6, employees.Where(m => m!["entityType"]!.GetValue<string>() == "dataset").Select(m => m!["entityUrn"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Mcps_with_an_unknown_database_or_a_missing_catalog_is_a_one_line_error_with_exit_2()
    {
        using var cli = await CliAsync();

        var unknown = await cli.RunAsync("datahub", "mcps", "-o", "x.json", "-d", "no_such_db");
        var missing = await cli.RunAsync("datahub", "mcps", "-o", "x.json", "--catalog", "nowhere");

        unknown.AssertOneLineError(2);
        Assert.Contains("no_such_db", unknown.Error, StringComparison.Ordinal);
        missing.AssertOneLineError(2);
        Assert.Contains("nowhere", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_sends_every_mcp_in_batches_of_at_most_200_with_the_token()
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "emit");

        result.AssertSuccess();
        var batches = gms.ApiRequests;
        Assert.NotEmpty(batches);
        Assert.All(batches, r =>
        {
            Assert.Equal("/aspects?action=ingestProposalBatch", r.PathAndQuery);
            Assert.Equal($"Bearer {Token}", r.Headers["Authorization"]);
            Assert.InRange(JsonNode.Parse(r.Body)!["proposals"]!.AsArray().Count, 1, 200);
        });
        Assert.Empty(gms.ShapeErrors);
        Assert.Equal(34, gms.AcceptedProposals.Where(p => p["entityType"]!.GetValue<string>() == "dataset").Select(p => p["entityUrn"]!.GetValue<string>()).Distinct().Count());
        Assert.Contains($"{batches.Count}/{batches.Count} sent", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Sent {gms.AcceptedProposals.Count:N0} MCPs in {batches.Count} batch(es)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_retries_429_and_500()
    {
        await using var gms = await StandInGms.StartAsync();
        gms.Enqueue(429, 500);
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "emit", "-d", "employees_db", "--json");

        result.AssertSuccess();
        Assert.Equal(result.Json().GetProperty("batches").GetInt32() + 2, gms.ApiRequests.Count);
        Assert.Equal(result.Json().GetProperty("proposals").GetInt32(), gms.AcceptedProposals.Count);
    }

    [Fact]
    public async Task Emit_with_a_rejected_token_exits_1_with_a_clear_message_and_no_token()
    {
        await using var gms = await StandInGms.StartAsync();
        gms.Enqueue(401);
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "emit", "--token", "another-secret-token-77");

        result.AssertOneLineError(1);
        Assert.Contains("DataHub rejected the token (401): set DATAHUB_TOKEN to a personal access token", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("another-secret-token-77", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal("Bearer another-secret-token-77", gms.ApiRequests.Single().Headers["Authorization"]);
    }

    [Theory]
    [InlineData(ConfigMode.FrontendHtml)]
    [InlineData(ConfigMode.FrontendJson)]
    public async Task Emit_to_the_frontend_exits_2(ConfigMode mode)
    {
        await using var gms = await StandInGms.StartAsync();
        gms.ConfigMode = mode;
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "emit", "--gms", gms.Url.ToString());

        result.AssertOneLineError(2);
        Assert.Contains("looks like the DataHub frontend, not GMS; use the GMS URL (usually port 8080)", result.Error, StringComparison.Ordinal);
        Assert.Empty(gms.ApiRequests);
    }

    [Fact]
    public async Task Emit_to_an_unreachable_gms_exits_3_naming_it()
    {
        using var cli = await CliAsync();

        var result = await cli.RunAsync("datahub", "emit", "--gms", "http://127.0.0.1:1", "-d", "employees_db");

        result.AssertOneLineError(3);
        Assert.Contains("http://127.0.0.1:1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_dry_run_sends_nothing()
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "emit", "--dry-run", "--json");

        result.AssertSuccess();
        Assert.True(result.Json().GetProperty("dryRun").GetBoolean());
        Assert.Equal(34, result.Json().GetProperty("entities").GetProperty("dataset").GetInt32());
        Assert.Empty(gms.Requests);
    }

    [Fact]
    public async Task Import_domains_counts_in_a_dry_run_and_sends_the_15_domains()
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var dryRun = await cli.RunAsync("datahub", "import-domains", "--dry-run");
        Assert.Empty(gms.Requests);
        var live = await cli.RunAsync("datahub", "import-domains");

        dryRun.AssertSuccess();
        Assert.Contains("Dry run: 15 MCPs", dryRun.Out, StringComparison.Ordinal);
        live.AssertSuccess();
        Assert.Empty(gms.ShapeErrors);
        Assert.Equal(15, gms.AcceptedProposals.Where(p => p["entityType"]!.GetValue<string>() == "domain").Select(p => p["entityUrn"]!.GetValue<string>()).Distinct().Count());
        Assert.All(gms.AcceptedProposals, p => Assert.Equal("domain", p["entityType"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("import-glossary")]
    [InlineData("import-all")]
    [InlineData("register-structured-properties")]
    public async Task Governance_imports_send_their_entities(string command)
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", command, "--json");

        result.AssertSuccess();
        Assert.Empty(gms.ShapeErrors);
        Assert.Equal(result.Json().GetProperty("proposals").GetInt32(), gms.AcceptedProposals.Count);
        Assert.DoesNotContain(gms.AcceptedProposals, p => p["entityType"]!.GetValue<string>() == "dataset");
    }

    [Fact]
    public async Task Clear_without_confirm_shows_what_it_would_remove_exits_1_and_sends_nothing()
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "clear");

        result.AssertOneLineError(1);
        Assert.Contains("add --confirm", result.Error, StringComparison.Ordinal);
        Assert.Contains("Would remove", result.Out, StringComparison.Ordinal);
        Assert.Empty(gms.Requests);
    }

    [Fact]
    public async Task Clear_with_confirm_soft_deletes_and_deletes_the_domains()
    {
        await using var gms = await StandInGms.StartAsync();
        using var cli = await CliAsync(gms);

        var result = await cli.RunAsync("datahub", "clear", "--confirm", "--json");

        result.AssertSuccess();
        Assert.Empty(gms.ShapeErrors);
        Assert.Equal(15, result.Json().GetProperty("deletedDomains").GetInt32());
        Assert.Equal(15, gms.ApiRequests.Count(r => r.PathAndQuery == "/entities?action=delete"));
    }

    [Fact]
    public async Task List_databases_marks_the_six_demo_databases()
    {
        using var cli = await CliAsync();

        var json = await cli.RunAsync("datahub", "list-databases", "--json");
        var text = await cli.RunAsync("datahub", "list-databases");

        json.AssertSuccess();
        Assert.Equal(6, json.Json().GetProperty("demo").GetInt32());
        Assert.DoesNotContain(json.Json().GetProperty("databases").EnumerateArray(), d => d.GetProperty("name").GetString() is "template0" or "template1");
        text.AssertSuccess();
        Assert.Contains("6 of them demo databases", text.Out, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex SecretReference();
}
