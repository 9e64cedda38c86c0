using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>
/// A stand-in for DataHub's GMS (DataHub itself cannot run on the build machines): an in-process
/// Kestrel app on a free port that records every request, answers 200 by default or the scripted
/// statuses queued with <see cref="Enqueue"/>, serves GET /config, and checks every ingestProposalBatch
/// body against the JSON Schemas (<see cref="ShapeErrors"/>).
/// </summary>
public sealed class StandInGms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<string> _shapeErrors = new();
    private readonly ConcurrentQueue<JsonObject> _proposals = new();

    private StandInGms(WebApplication app) => _app = app;

    public ConfigMode ConfigMode { get; set; } = ConfigMode.Gms;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>Requests other than GET /config.</summary>
    public IReadOnlyList<RecordedRequest> ApiRequests => _requests.Where(r => !r.PathAndQuery.StartsWith("/config", StringComparison.Ordinal)).ToList();

    /// <summary>Every proposal (wire form) of every batch answered with 200, in order.</summary>
    public IReadOnlyList<JsonObject> AcceptedProposals => _proposals.ToList();

    public IReadOnlyList<string> ShapeErrors => _shapeErrors.ToList();

    public static async Task<StandInGms> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gms = new StandInGms(app);
        app.Run(gms.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        gms.Url = new Uri(app.Urls.First());
        return gms;
    }

    /// <summary>Statuses to answer to the next API requests (not /config), in order; afterwards 200 again.</summary>
    public void Enqueue(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = context.Request.Path + context.Request.QueryString;
        _requests.Enqueue(new RecordedRequest(context.Request.Method, path, headers, body));

        if (context.Request.Path == "/config")
        {
            await AnswerConfigAsync(context);
            return;
        }

        var status = _script.TryDequeue(out var scripted) ? scripted : StatusCodes.Status200OK;
        if (status != StatusCodes.Status200OK)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"exceptionClass":"com.linkedin.restli.server.RestLiServiceException","status":{{status}},"message":"scripted {{status}}"}""", context.RequestAborted);
            return;
        }

        CheckShape(context.Request, headers, body);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted);
    }

    private void CheckShape(HttpRequest request, Dictionary<string, string> headers, string body)
    {
        if (request.Method != "POST")
        {
            _shapeErrors.Enqueue($"{request.Method} {request.Path}: only POST is expected");
            return;
        }

        if (!headers.TryGetValue("Content-Type", out var contentType) || contentType != "application/json")
        {
            _shapeErrors.Enqueue($"Content-Type is '{contentType}', expected application/json");
        }

        if (!headers.TryGetValue("X-RestLi-Protocol-Version", out var protocol) || protocol != "2.0.0")
        {
            _shapeErrors.Enqueue($"X-RestLi-Protocol-Version is '{protocol}', expected 2.0.0");
        }

        var action = request.Query["action"].ToString();
        var json = JsonNode.Parse(body)!;
        if (request.Path == "/aspects" && action == "ingestProposalBatch")
        {
            foreach (var error in DataHubSchemas.Instance.ValidateBatchRequest(json))
            {
                _shapeErrors.Enqueue(error);
            }

            foreach (var proposal in json["proposals"]!.AsArray())
            {
                _proposals.Enqueue(proposal!.AsObject());
            }
        }
        else if (request.Path == "/entities" && action == "delete")
        {
            if (json is not JsonObject { Count: 1 } o || o["urn"]?.GetValue<string>() is not { } urn || !urn.StartsWith("urn:li:", StringComparison.Ordinal))
            {
                _shapeErrors.Enqueue($"delete body {body} is not {{\"urn\": \"...\"}}");
            }
        }
        else
        {
            _shapeErrors.Enqueue($"unexpected endpoint {request.Path}?action={action}");
        }
    }

    private Task AnswerConfigAsync(HttpContext context)
    {
        switch (ConfigMode)
        {
            case ConfigMode.FrontendHtml:
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync("<!doctype html><html><head><title>DataHub</title></head><body><div id=\"root\"></div></body></html>", context.RequestAborted);
            case ConfigMode.FrontendJson:
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync("""{"config":{"appTitle":"DataHub"},"authenticated":false}""", context.RequestAborted);
            default:
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(
                    """{"noCode":"true","retention":"true","statefulIngestionCapable":true,"versions":{"acryldata/datahub":{"version":"v1.0.0-standin","commit":"0000000"}}}""",
                    context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
