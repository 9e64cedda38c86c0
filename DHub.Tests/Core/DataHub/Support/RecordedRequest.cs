namespace DHub.Tests.Core.DataHub.Support;

/// <summary>One request the stand-in received.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
