namespace DHub.Core.DataHub.Gms;

/// <summary>Why talking to GMS failed, so callers can choose an exit code or an HTTP status.</summary>
public enum DataHubGmsErrorKind
{
    /// <summary>No connection, DNS failure or timeout after all retries.</summary>
    Unreachable,

    /// <summary>The URL answers, but not like GMS (typically the frontend on :9002).</summary>
    NotGms,

    /// <summary>401 or 403: the token is missing, expired or lacks privileges.</summary>
    Unauthorized,

    /// <summary>GMS refused the proposals (4xx) or kept failing (5xx) after all retries.</summary>
    Rejected,
}
