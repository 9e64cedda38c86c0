using System.Net;
using System.Text.Json;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using YamlDotNet.RepresentationModel;

namespace DHub.Tests.Api;

[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class DataHubApiTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recipes_come_per_database_or_all_in_one_without_secrets()
    {
        var perDatabase = await (await fixture.Api.GetAsync("/api/datahub/recipe", Token)).JsonAsync();
        Assert.Equal(6, perDatabase.GetArrayLength());

        var allInOne = await (await fixture.Api.GetAsync("/api/datahub/recipe?allInOne=true&target=docker&db=loans_db&db=accounts_db", Token)).JsonAsync();
        var yaml = Assert.Single(allInOne.EnumerateArray()).GetProperty("yaml").GetString()!;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.Contains("${POSTGRES_PASSWORD}", yaml, StringComparison.Ordinal);
        Assert.Contains("loans_db", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mcp_file_holds_the_datasets_of_the_requested_database()
    {
        var response = await fixture.Api.GetAsync("/api/datahub/mcps?db=employees_db", Token);
        var mcps = await response.JsonAsync();

        var datasets = mcps.EnumerateArray().Where(m => m.GetProperty("entityType").GetString() == "dataset")
            .Select(m => m.GetProperty("entityUrn").GetString()).Distinct().ToList();
        Assert.Equal(6, datasets.Count);
        Assert.All(datasets, urn => Assert.StartsWith("urn:li:dataset:(urn:li:dataPlatform:postgres,employees_db.public.", urn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emit_requires_the_key_and_a_configured_gms_unless_dry_run()
    {
        var noKey = await fixture.Api.SendAsync(ApiTestClient.Post("/api/datahub/emit", new { dryRun = true }), Token);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        var noGms = await fixture.Api.SendAsync(ApiTestClient.Post("/api/datahub/emit", new { dryRun = false }).WithKey(), Token);
        Assert.Equal(HttpStatusCode.BadRequest, noGms.StatusCode);
        await noGms.ProblemAsync();

        var dryRun = await (await fixture.Api.SendAsync(ApiTestClient.Post("/api/datahub/emit", new { dryRun = true }).WithKey(), Token)).JsonAsync();
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.True(dryRun.GetProperty("summary").GetProperty("proposals").GetInt32() > 34);
    }

    [Theory]
    [InlineData("/api/datahub/recipe?db=postgres")]
    [InlineData("/api/datahub/mcps?db=..%2Fetc")]
    public async Task Unknown_databases_are_404_problems(string path)
    {
        var response = await fixture.Api.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task An_unknown_target_is_a_400_problem()
    {
        var response = await fixture.Api.GetAsync("/api/datahub/recipe?target=kubernetes", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }
}
