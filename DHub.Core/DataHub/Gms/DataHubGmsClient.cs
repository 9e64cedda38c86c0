using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DHub.Core.DataHub.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace DHub.Core.DataHub.Gms;

/// <summary>
/// Typed HttpClient for DataHub's GMS Rest.li API: checks the URL really is GMS, then sends MCPs
/// with ingestProposalBatch. Retries (429 and 5xx, with backoff) come from the resilience handler
/// <see cref="DataHubServiceCollectionExtensions.AddDataHubGmsClient"/> installs; this class turns
/// what is left into <see cref="DataHubGmsException"/>s that say what to fix.
/// </summary>
public sealed partial class DataHubGmsClient(HttpClient http, IOptions<DataHubGmsOptions> options, ILogger<DataHubGmsClient> logger)
{
    private const string RestLiProtocolVersion = "2.0.0";
    private const int MaxBodyInMessage = 500;

    private readonly DataHubGmsOptions _options = options.Value;

    /// <summary>The GMS URL as it may be shown: without user info, never with the token.</summary>
    public string Server => DisplayUrl(_options.Server);

    /// <summary>
    /// GET {gms}/config. GMS answers JSON with <c>"noCode"</c>; the frontend (port 9002) answers HTML
    /// or JSON without it, which is the classic misconfiguration this detects.
    /// </summary>
    public async Task<GmsServerInfo> CheckServerAsync(CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.CheckServer);
        activity?.SetTag(DataHubTelemetry.Tags.Server, Server);

        using var request = Request(HttpMethod.Get, "config", content: null);
        using var response = await SendAsync(request, "GET /config", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        await EnsureSuccessAsync(response, body, "GET /config");

        JsonObject? config = null;
        try
        {
            config = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            // Not JSON at all: handled below like JSON without noCode.
        }

        if (config is null || !config.ContainsKey("noCode"))
        {
            throw new DataHubGmsException(
                DataHubGmsErrorKind.NotGms,
                $"{Server} is not DataHub GMS: GET {Server}/config did not return JSON with \"noCode\" "
                + $"({(config is null ? "the answer is not a JSON object" : "JSON without noCode")}). "
                + "This is usually the DataHub frontend (port 9002) instead of GMS (port 8080): use http://<host>:8080, "
                + "or the frontend's proxy http://<host>:9002/api/gms.",
                (int)response.StatusCode);
        }

        var version = config["versions"]?["acryldata/datahub"]?["version"]?.GetValue<string>();
        LogServerChecked(Server, version ?? "unknown");
        return new GmsServerInfo(Server, version);
    }

    /// <summary>
    /// Checks the server, then POSTs the proposals in order, in batches of at most
    /// <see cref="DataHubGmsOptions.MaxBatchSize"/>. Stops at the first batch GMS refuses.
    /// </summary>
    public async Task<EmissionResult> EmitAsync(
        IReadOnlyList<MetadataChangeProposal> proposals,
        IProgress<EmissionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Emit);
        activity?.SetTag(DataHubTelemetry.Tags.Server, Server);
        var started = Stopwatch.GetTimestamp();

        await CheckServerAsync(cancellationToken);

        var batches = McpBatcher.Split(proposals, _options.MaxBatchSize, _options.MaxBatchBytes);
        activity?.SetTag(DataHubTelemetry.Tags.Proposals, proposals.Count);
        activity?.SetTag(DataHubTelemetry.Tags.Batches, batches.Count);
        LogEmitting(proposals.Count, batches.Count, Server);

        var sent = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            using var batchActivity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.EmitBatch);
            batchActivity?.SetTag(DataHubTelemetry.Tags.Batch, i + 1);
            batchActivity?.SetTag(DataHubTelemetry.Tags.Proposals, batches[i].Count);

            var what = $"batch {i + 1}/{batches.Count} ({batches[i].Count} proposals)";
            using var request = Request(HttpMethod.Post, "aspects?action=ingestProposalBatch", McpJson.BatchRequestBody(batches[i]));
            using var response = await SendAsync(request, what, cancellationToken);
            await EnsureSuccessAsync(response, await response.Content.ReadAsStringAsync(cancellationToken), what);

            sent += batches[i].Count;
            LogBatchSent(i + 1, batches.Count, sent, proposals.Count);
            progress?.Report(new EmissionProgress(i + 1, batches.Count, sent, proposals.Count));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        LogEmitted(sent, batches.Count, elapsed.TotalSeconds);
        return new EmissionResult(Server, sent, batches.Count, elapsed);
    }

    /// <summary>
    /// Hard-deletes entities with <c>POST /entities?action=delete</c>: for domains, which have no
    /// status aspect and so cannot be soft-deleted. Deleting an entity that does not exist succeeds.
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyList<string> urns, IProgress<EmissionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = DataHubTelemetry.ActivitySource.StartActivity(DataHubTelemetry.Spans.Delete);
        activity?.SetTag(DataHubTelemetry.Tags.Server, Server);
        activity?.SetTag(DataHubTelemetry.Tags.Entities, urns.Count);

        for (var i = 0; i < urns.Count; i++)
        {
            var body = new JsonObject { ["urn"] = urns[i] }.ToJsonString();
            var what = $"delete {urns[i]}";
            using var request = Request(HttpMethod.Post, "entities?action=delete", body);
            using var response = await SendAsync(request, what, cancellationToken);
            await EnsureSuccessAsync(response, await response.Content.ReadAsStringAsync(cancellationToken), what);
            progress?.Report(new EmissionProgress(i + 1, urns.Count, i + 1, urns.Count));
        }

        LogDeleted(urns.Count, Server);
        return urns.Count;
    }

    private HttpRequestMessage Request(HttpMethod method, string relativeUri, string? content)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUri(_options.Server), relativeUri));
        request.Headers.Add("X-RestLi-Protocol-Version", RestLiProtocolVersion);
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }
        else if (!string.IsNullOrEmpty(_options.SystemClientId) && !string.IsNullOrEmpty(_options.SystemClientSecret))
        {
            // GMS reads the system client's credentials as "id:secret" in plain text, not base64.
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", $"{_options.SystemClientId}:{_options.SystemClientSecret}");
        }

        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8);
            // GMS expects exactly application/json; StringContent would append "; charset=utf-8".
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DataHubGmsException(
                DataHubGmsErrorKind.Unreachable,
                $"Cannot reach DataHub GMS at {Server} ({what}): {Redact(ex.Message)}. Is DataHub running, and is this its GMS URL (usually port 8080)?",
                inner: ex);
        }
    }

    private Task EnsureSuccessAsync(HttpResponseMessage response, string body, string what)
    {
        if (response.IsSuccessStatusCode)
        {
            return Task.CompletedTask;
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var reason = string.IsNullOrEmpty(_options.Token)
                ? "no token was sent: set DATAHUB_TOKEN to a personal access token (DataHub UI: Settings > Access Tokens); GMS with METADATA_SERVICE_AUTH_ENABLED=true requires one"
                : "the token in DATAHUB_TOKEN was refused: it may be expired, revoked, for another DataHub instance, or lack the privileges to ingest metadata";
            throw new DataHubGmsException(
                DataHubGmsErrorKind.Unauthorized,
                $"DataHub GMS at {Server} answered {status} {response.ReasonPhrase} to {what}: {reason}.",
                status);
        }

        var snippet = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "..." : body;
        throw new DataHubGmsException(
            DataHubGmsErrorKind.Rejected,
            $"DataHub GMS at {Server} answered {status} {response.ReasonPhrase} to {what}"
            + (status >= 500 ? " after all retries" : "") + $": {Redact(snippet)}",
            status);
    }

    // Nothing DHub builds contains the token, but a server or proxy might echo request details back.
    private string Redact(string text) =>
        string.IsNullOrEmpty(_options.Token) ? text : text.Replace(_options.Token, "***", StringComparison.Ordinal);

    /// <summary>The server URL with a trailing slash, so relative requests keep a path such as /api/gms.</summary>
    internal static Uri BaseUri(Uri server) =>
        server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    private static string DisplayUrl(Uri server) =>
        new UriBuilder(server) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    [LoggerMessage(Level = LogLevel.Information, Message = "DataHub GMS at {Server} answered /config (version {Version})")]
    private partial void LogServerChecked(string server, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending {Proposals} MCPs in {Batches} batches to {Server}")]
    private partial void LogEmitting(int proposals, int batches, string server);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch {Batch}/{Batches} accepted ({Sent}/{Total} MCPs)")]
    private partial void LogBatchSent(int batch, int batches, int sent, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "GMS accepted {Proposals} MCPs in {Batches} batches in {Seconds:F1} s")]
    private partial void LogEmitted(int proposals, int batches, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} entities from {Server}")]
    private partial void LogDeleted(int count, string server);
}
