namespace DHub.Tests.Core.DataHub.Support;

/// <summary>How the stand-in answers GET /config.</summary>
public enum ConfigMode
{
    /// <summary>Like GMS: JSON with "noCode": "true".</summary>
    Gms,

    /// <summary>Like the frontend's SPA: an HTML page.</summary>
    FrontendHtml,

    /// <summary>Like the frontend's own /config: JSON, but no noCode.</summary>
    FrontendJson,
}
