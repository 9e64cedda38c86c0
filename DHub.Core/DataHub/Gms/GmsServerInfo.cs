namespace DHub.Core.DataHub.Gms;

/// <summary>What GET {gms}/config revealed about the server.</summary>
/// <param name="Version">DataHub's version when /config reports it (versions."acryldata/datahub".version).</param>
public sealed record GmsServerInfo(string Server, string? Version);
