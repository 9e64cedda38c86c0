namespace DHub.Core.DataHub.Gms;

/// <summary>
/// Where GMS is and how to talk to it. The token is a secret: DHub sends it only in the
/// Authorization header and never logs, traces or writes it.
/// </summary>
public sealed class DataHubGmsOptions
{
    public const string DefaultServer = "http://localhost:8080";

    /// <summary>GMS itself (port 8080), or the frontend's proxy http://&lt;host&gt;:9002/api/gms; not the bare frontend.</summary>
    public Uri Server { get; set; } = new(DefaultServer);

    /// <summary>Personal access token (DATAHUB_TOKEN); null or empty sends no Authorization header.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// GMS's system client (DATAHUB_SYSTEM_CLIENT_ID and DATAHUB_SYSTEM_CLIENT_SECRET), used when no token is
    /// set: GMS accepts its credentials from services next to it, such as a DataHub the AppHost runs.
    /// </summary>
    public string? SystemClientId { get; set; }

    /// <summary>The system client's secret; as secret as <see cref="Token"/>.</summary>
    public string? SystemClientSecret { get; set; }

    /// <summary>At most this many MCPs per ingestProposalBatch request (DataHub's Python emitter uses 200).</summary>
    public int MaxBatchSize { get; set; } = 200;

    /// <summary>At most this many bytes of request body per batch (the Python emitter stays under ~15 MiB).</summary>
    public int MaxBatchBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>Retries of 429, 500, 502, 503, 504 and transport errors, with exponential backoff and jitter.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; doubles per retry (2 s gives about 2, 4, 8, 16 s). Retry-After is honoured.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one HTTP attempt (the Python emitter uses 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one request including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);
}
