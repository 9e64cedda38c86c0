using DHub.Core.DataHub.Gms;

namespace DHub.Cli.Output;

/// <summary>
/// DataHub emission progress as one finished line per request GMS accepted. Reported synchronously
/// on the sending thread (unlike <see cref="Progress{T}"/>), so lines keep their order.
/// </summary>
public sealed class PlainEmissionProgress(CliOutput output, string unit) : IProgress<EmissionProgress>
{
    public void Report(EmissionProgress value) =>
        output.WriteLine($"  {value.BatchesSent}/{value.TotalBatches} sent ({DisplayFormat.Count(value.ProposalsSent)}/{DisplayFormat.Count(value.TotalProposals)} {unit})");
}
