using System.Text.Json.Nodes;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Tests.Core.DataHub.Gms;

/// <summary>Emission to a stand-in GMS: headers, batching, retries, authentication errors, frontend detection.</summary>
public sealed class GmsClientTests
{
    private static IReadOnlyList<MetadataChangeProposal> Governance(string runId = "gms-test") =>
        new MetadataBuilder(TestCatalog.Load(), new MetadataBuildOptions { RunId = runId }).Build(MetadataSelection.Governance);

    private static IReadOnlyList<MetadataChangeProposal> Tags(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new MetadataChangeProposal(EntityTypes.Tag, $"urn:li:tag:t{i:D4}", "tagProperties", new JsonObject { ["name"] = $"t{i:D4}" }, 1_700_000_000_000, "batching"))
            .ToList();

    [Fact]
    public async Task Governance_metadata_reaches_gms_with_the_rest_li_headers_and_valid_shapes()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        var proposals = Governance();

        var result = await factory.Create().EmitAsync(proposals, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(proposals.Count, result.Proposals);
        Assert.Equal(1, result.Batches);
        Assert.Empty(gms.ShapeErrors);
        Assert.Equal(proposals.Count, gms.AcceptedProposals.Count);
        Assert.Equal("/config", gms.Requests[0].PathAndQuery);
        var post = Assert.Single(gms.ApiRequests);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/aspects?action=ingestProposalBatch", post.PathAndQuery);
        Assert.Equal("application/json", post.Headers["Content-Type"]);
        Assert.Equal("2.0.0", post.Headers["X-RestLi-Protocol-Version"]);
        Assert.Equal($"Bearer {GmsClientFactory.FakeToken}", post.Headers["Authorization"]);
        Assert.Equal("false", JsonNode.Parse(post.Body)!["async"]!.GetValue<string>());
        Assert.Equal(
            proposals.Select(p => (p.EntityUrn, p.AspectName)),
            gms.AcceptedProposals.Select(p => (p["entityUrn"]!.GetValue<string>(), p["aspectName"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url, token: null);
        await factory.Create().EmitAsync(Tags(3), cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(gms.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Without_a_token_the_system_client_signs_in_with_its_plain_id_and_secret()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url, token: null, configure: services => services.Configure<DataHubGmsOptions>(options =>
        {
            options.SystemClientId = "__datahub_system";
            options.SystemClientSecret = "s3cret";
        }));
        await factory.Create().EmitAsync(Tags(3), cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(gms.ApiRequests, r => Assert.Equal("Basic __datahub_system:s3cret", r.Headers["Authorization"]));
        Assert.NotEmpty(gms.ApiRequests);
    }

    [Fact]
    public async Task More_than_200_mcps_go_in_several_batches_of_at_most_200_in_order()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        var proposals = Tags(450);
        var reports = new List<EmissionProgress>();

        var result = await factory.Create().EmitAsync(proposals, new InlineProgress<EmissionProgress>(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Batches);
        var sizes = gms.ApiRequests.Select(r => JsonNode.Parse(r.Body)!["proposals"]!.AsArray().Count).ToList();
        Assert.Equal([200, 200, 50], sizes);
        Assert.Equal(proposals.Select(p => p.EntityUrn), gms.AcceptedProposals.Select(p => p["entityUrn"]!.GetValue<string>()));
        Assert.Equal([new(1, 3, 200, 450), new(2, 3, 400, 450), new EmissionProgress(3, 3, 450, 450)], reports);
        Assert.Empty(gms.ShapeErrors);
    }

    [Fact]
    public async Task A_429_then_a_500_are_retried_until_gms_accepts()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        gms.Enqueue(429, 500);

        var result = await factory.Create().EmitAsync(Tags(5), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Proposals);
        Assert.Equal(3, gms.ApiRequests.Count);
        Assert.All(gms.ApiRequests, r => Assert.Equal(gms.ApiRequests[0].Body, r.Body));
        Assert.Equal(5, gms.AcceptedProposals.Count);
    }

    [Fact]
    public async Task Persistent_5xx_fail_after_the_configured_retries()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url, maxRetryAttempts: 2);
        gms.Enqueue(503, 503, 503, 503);

        var error = await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().EmitAsync(Tags(1), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(DataHubGmsErrorKind.Rejected, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, gms.ApiRequests.Count);
        Assert.Contains("after all retries", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Hosts on ServiceDefaults add the standard resilience handler to every HttpClient; the GMS client
    /// must keep only its own, or each of its retries would be retried again (and cut at 10 s).
    /// </summary>
    [Fact]
    public async Task A_host_wide_resilience_handler_does_not_stack_on_the_gms_one()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url, maxRetryAttempts: 1, configure: services =>
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()));
        gms.Enqueue(503, 503, 503, 503, 503, 503);

        await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().EmitAsync(Tags(1), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, gms.ApiRequests.Count);
    }

    [Fact]
    public async Task A_401_fails_at_once_with_a_message_about_DATAHUB_TOKEN_that_never_shows_the_token()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        gms.Enqueue(401, 401, 401, 401, 401);

        var error = await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().EmitAsync(Tags(2), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(DataHubGmsErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("DATAHUB_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GmsClientFactory.FakeToken, error.ToString(), StringComparison.Ordinal);
        Assert.Single(gms.ApiRequests);
        Assert.DoesNotContain(factory.Logs.Collector.Lines(), line => line.Contains(GmsClientFactory.FakeToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_403_without_token_says_a_token_is_needed()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url, token: null);
        gms.Enqueue(403);

        var error = await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().EmitAsync(Tags(1), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(DataHubGmsErrorKind.Unauthorized, error.Kind);
        Assert.Contains("no token was sent", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfigMode.FrontendHtml)]
    [InlineData(ConfigMode.FrontendJson)]
    public async Task The_frontend_url_is_detected_before_anything_is_sent(ConfigMode mode)
    {
        await using var gms = await StandInGms.StartAsync();
        gms.ConfigMode = mode;
        await using var factory = new GmsClientFactory(gms.Url);

        var error = await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().EmitAsync(Tags(1), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(DataHubGmsErrorKind.NotGms, error.Kind);
        Assert.Contains("noCode", error.Message, StringComparison.Ordinal);
        Assert.Contains("frontend (port 9002)", error.Message, StringComparison.Ordinal);
        Assert.Contains("8080", error.Message, StringComparison.Ordinal);
        Assert.Empty(gms.ApiRequests);
    }

    [Fact]
    public async Task The_server_check_reports_the_gms_version()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        var info = await factory.Create().CheckServerAsync(TestContext.Current.CancellationToken);
        Assert.Equal("v1.0.0-standin", info.Version);
    }

    [Fact]
    public async Task An_unreachable_server_gives_a_clear_message()
    {
        // A port nothing listens on: start and stop a stand-in to get one.
        Uri url;
        await using (var gms = await StandInGms.StartAsync())
        {
            url = gms.Url;
        }

        await using var factory = new GmsClientFactory(url, maxRetryAttempts: 1);
        var error = await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().CheckServerAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DataHubGmsErrorKind.Unreachable, error.Kind);
        Assert.Contains("Cannot reach DataHub GMS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gms_behind_a_path_keeps_its_path()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(new Uri(gms.Url, "api/gms"));
        await Assert.ThrowsAsync<DataHubGmsException>(() => factory.Create().CheckServerAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/api/gms/config", gms.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Domains_are_deleted_one_by_one_through_the_delete_action()
    {
        await using var gms = await StandInGms.StartAsync();
        await using var factory = new GmsClientFactory(gms.Url);
        var deleted = await factory.Create().DeleteAsync(["urn:li:domain:a", "urn:li:domain:b"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, deleted);
        Assert.Equal(["/entities?action=delete", "/entities?action=delete"], gms.ApiRequests.Select(r => r.PathAndQuery));
        Assert.Equal("""{"urn":"urn:li:domain:a"}""", gms.ApiRequests[0].Body);
        Assert.Empty(gms.ShapeErrors);
    }

    [Fact]
    public void Batches_also_respect_the_byte_limit()
    {
        var batches = McpBatcher.Split(Tags(10), maxCount: 200, maxBytes: 1000);
        Assert.True(batches.Count > 1);
        Assert.Equal(10, batches.Sum(b => b.Count));
    }
}
