using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;

namespace DHub.Core.DataHub.Operations;

/// <summary>The outcome of a publish or clear.</summary>
/// <param name="Summary">What the MCP stream held (counted in dry runs too).</param>
/// <param name="Emission">What GMS accepted; null in a dry run.</param>
/// <param name="DeletedDomains">Domains hard-deleted by clear (planned ones in a dry run).</param>
public sealed record DataHubRunResult(
    string RunId,
    MetadataSelection Selection,
    bool DryRun,
    McpSummary Summary,
    EmissionResult? Emission,
    int DeletedDomains = 0);
