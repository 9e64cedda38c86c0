using System.Text.Json.Nodes;
using DHub.Cli;
using DHub.Cli.Output;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Core.DataHub.Operations;

namespace DHub.Tests.Cli;

/// <summary>
/// emit and clear share one report; only a removal speaks of removing and of the domains it
/// hard-deletes, in the table, the summary line and the JSON.
/// </summary>
public sealed class PublicationReportTests
{
    private static readonly DataHubRunResult Sent = new(
        "run-1",
        MetadataSelection.All,
        DryRun: false,
        new McpSummary(12, new Dictionary<string, int> { ["dataset"] = 7 }, new Dictionary<string, int>()),
        new EmissionResult("http://gms.example:8080", 12, 1, TimeSpan.FromSeconds(1.5)),
        DeletedDomains: 3);

    [Fact]
    public void A_removal_reports_the_domains_it_deleted_and_a_publication_does_not()
    {
        var removal = Text(PublicationReport.Remove, Sent);
        var publication = Text(PublicationReport.Publish, Sent);

        Assert.Contains("Removed", removal, StringComparison.Ordinal);
        Assert.Contains("domain (hard delete)", removal, StringComparison.Ordinal);
        Assert.Contains("and deleted 3 domain(s).", removal, StringComparison.Ordinal);
        Assert.Contains("Sent 12 MCPs in 1 batch(es) to http://gms.example:8080", publication, StringComparison.Ordinal);
        Assert.DoesNotContain("domain", publication, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_removal_counts_deleted_domains_in_its_json()
    {
        Assert.Equal(3, Json(PublicationReport.Remove)["deletedDomains"]!.GetValue<int>());
        var publication = Json(PublicationReport.Publish);
        Assert.True(publication.ContainsKey("deletedDomains"));
        Assert.Null(publication["deletedDomains"]);
    }

    [Fact]
    public void The_start_line_says_which_way_the_metadata_goes()
    {
        Assert.Equal("Publishing to DataHub GMS at http://gms.example:8080...", PublicationReport.Publish.StartLine("http://gms.example:8080"));
        Assert.Equal("Removing from DataHub GMS at http://gms.example:8080...", PublicationReport.Remove.StartLine("http://gms.example:8080"));
    }

    private static string Text(PublicationReport report, DataHubRunResult result)
    {
        using var output = new StringWriter();
        report.Write(new CliOutput(Host(output), json: false), result);
        return output.ToString();
    }

    private static JsonObject Json(PublicationReport report)
    {
        using var output = new StringWriter();
        new CliOutput(Host(output), json: true).WriteJson(report.Json(Sent));
        return JsonNode.Parse(output.ToString())!.AsObject();
    }

    private static CliHost Host(StringWriter output) => new(output, TextWriter.Null, _ => null, Directory.GetCurrentDirectory(), OutputIsTerminal: false);
}
