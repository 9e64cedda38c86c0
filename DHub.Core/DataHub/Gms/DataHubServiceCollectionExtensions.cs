using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace DHub.Core.DataHub.Gms;

/// <summary>Registers the DataHub GMS client; <c>AddDataHub</c> (DHub.Core.Hosting) wires the rest of DataHub.</summary>
public static class DataHubServiceCollectionExtensions
{
    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>
    /// The typed <see cref="DataHubGmsClient"/> with the standard resilience handler, configured from
    /// <see cref="DataHubGmsOptions"/>: retries of 429/500/502/503/504 and transport errors with
    /// exponential backoff, per-attempt and total timeouts. Resilience handlers a host added to every
    /// client (ConfigureHttpClientDefaults) are removed first, so requests are not retried twice.
    /// </summary>
    public static IHttpClientBuilder AddDataHubGmsClient(this IServiceCollection services, Action<DataHubGmsOptions>? configure = null)
    {
        var options = services.AddOptions<DataHubGmsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The resilience pipeline enforces the timeouts; HttpClient's own 100 s must not cut retries short.
        var builder = services.AddHttpClient<DataHubGmsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        // HttpClient's own loggers redact the Authorization header in their message but keep the bearer
        // token in the record's structured values, which exporters send on. The client logs requests itself.
        builder.RemoveAllLoggers();
        // Hosts on ServiceDefaults add the standard handler to every client (ConfigureHttpClientDefaults);
        // stacked on this one it would retry each retry and cut batches at its 10 s attempt timeout.
        // RemoveAllResilienceHandlers is the supported way out, still marked experimental (EXTEXP0001).
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var gms = provider.GetRequiredService<IOptions<DataHubGmsOptions>>().Value;
            resilience.Retry.MaxRetryAttempts = gms.MaxRetryAttempts;
            resilience.Retry.Delay = gms.RetryBaseDelay;
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;
            resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome));
            resilience.AttemptTimeout.Timeout = gms.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = gms.TotalTimeout;
            // The circuit breaker's window must be at least twice the attempt timeout (options validation).
            var window = gms.AttemptTimeout * 2;
            if (resilience.CircuitBreaker.SamplingDuration < window)
            {
                resilience.CircuitBreaker.SamplingDuration = window;
            }
        });
        return builder;
    }

    /// <summary>Retry on the statuses DataHub's own emitter retries, on transport errors and on attempt timeouts; never on 4xx such as 401.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && RetriedStatuses.Contains(response.StatusCode));
}
