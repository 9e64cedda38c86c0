namespace DHub.Core.DataHub.Gms;

/// <summary>A failure talking to GMS, with a message that says what to fix. It never contains the token.</summary>
public sealed class DataHubGmsException(DataHubGmsErrorKind kind, string message, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public DataHubGmsErrorKind Kind { get; } = kind;

    /// <summary>The HTTP status GMS answered with, when it answered.</summary>
    public int? StatusCode { get; } = statusCode;
}
