using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Operations;
using Spectre.Console;

namespace DHub.Cli.Output;

/// <summary>
/// How a run that changes DataHub's metadata is reported. Publishing and removing share the
/// layout and differ only in their words and in the domains a removal hard-deletes.
/// </summary>
public abstract class PublicationReport
{
    /// <summary>emit and the governance imports.</summary>
    public static PublicationReport Publish { get; } = new PublishReport();

    /// <summary>clear: soft-deletes, and hard-deletes the domains.</summary>
    public static PublicationReport Remove { get; } = new RemovalReport();

    /// <summary>The line before the first request, naming the server.</summary>
    public abstract string StartLine(string server);

    public object Json(DataHubRunResult result) => new
    {
        dryRun = result.DryRun,
        result.RunId,
        selection = result.Selection.ToString(),
        gms = result.Emission?.Server,
        proposals = result.Summary.Proposals,
        entities = result.Summary.EntitiesByType,
        batches = result.Emission?.Batches,
        deletedDomains = DeletedDomains(result),
        elapsedSeconds = result.Emission is { } sent ? Math.Round(sent.Elapsed.TotalSeconds, 3) : (double?)null,
    };

    public void Write(CliOutput output, DataHubRunResult result)
    {
        var table = EntityTable.Render(result.Summary);
        AddDeletions(table, result);
        output.Write(table);
        output.WriteLine(result.Emission is { } emission
            ? SentLine(result, emission)
            : $"Dry run: {DisplayFormat.Count(result.Summary.Proposals)} MCPs built and validated; nothing was sent to DataHub.");
    }

    /// <summary>The domains hard-deleted; null for a run that never deletes (publishing).</summary>
    protected abstract int? DeletedDomains(DataHubRunResult result);

    protected abstract void AddDeletions(Table table, DataHubRunResult result);

    protected abstract string SentLine(DataHubRunResult result, EmissionResult emission);

    private static string Sent(EmissionResult emission) =>
        $"{DisplayFormat.Count(emission.Proposals)} MCPs in {emission.Batches} batch(es) to {emission.Server} in {DisplayFormat.Seconds(emission.Elapsed)}";

    private sealed class PublishReport : PublicationReport
    {
        public override string StartLine(string server) => $"Publishing to DataHub GMS at {server}...";

        protected override int? DeletedDomains(DataHubRunResult result) => null;

        protected override void AddDeletions(Table table, DataHubRunResult result)
        {
            // Publishing deletes nothing.
        }

        protected override string SentLine(DataHubRunResult result, EmissionResult emission) => $"Sent {Sent(emission)}.";
    }

    private sealed class RemovalReport : PublicationReport
    {
        public override string StartLine(string server) => $"Removing from DataHub GMS at {server}...";

        protected override int? DeletedDomains(DataHubRunResult result) => result.DeletedDomains;

        protected override void AddDeletions(Table table, DataHubRunResult result)
        {
            table.AddRow(new Text("domain (hard delete)"), new Text($"{result.DeletedDomains}"));
            table.Title(result.DryRun ? "Would remove" : "Removed");
        }

        protected override string SentLine(DataHubRunResult result, EmissionResult emission) =>
            $"Removed: sent {Sent(emission)}, and deleted {result.DeletedDomains} domain(s).";
    }
}
