using System.Diagnostics;
using System.Globalization;
using System.Net;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

/// <summary>
/// <c>POST /api/databases/{db}/query</c> bounds its answer: past <c>DHub:Api:MaxResultBytes</c> (the
/// fixture keeps the default) it answers 413, under it the whole result, and the API's memory does
/// not follow what the SQL asks for.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class QueryResultBoundsTests(LocalAppFixture fixture)
{
    private const string Path = "/api/databases/employees_db/query";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SELECT repeat('x', 20000000)")] // one value over the cap, refused from its length
    [InlineData("SELECT repeat('x', 20000000) FROM generate_series(1, 50)")] // a 1 GB answer
    [InlineData("SELECT repeat('x', 100000) FROM generate_series(1, 1000)")] // small rows that add up
    [InlineData("SELECT decode(repeat('ab', 10000000), 'hex')")] // 10 MB from PostgreSQL, 20 MB as JSON hex
    public async Task A_result_past_the_cap_is_a_413_problem(string sql)
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post(Path, new { sql, limit = SqlQuery.MaxLimit }), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains($"larger than the limit of {SqlQuery.DefaultMaxResultBytes} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_under_the_cap_comes_back_whole()
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post(Path, new { sql = "SELECT repeat('x', 1000000) AS filler FROM generate_series(1, 12)" }), Token);

        var result = await response.JsonAsync();
        Assert.Equal(12, result.GetProperty("rowCount").GetInt32());
        Assert.False(result.GetProperty("truncated").GetBoolean());
        Assert.All(result.GetProperty("rows").EnumerateArray(), row => Assert.Equal(1_000_000, row[0].GetString()!.Length));
        Assert.True(response.Content.Headers.ContentLength > 12_000_000, $"Content-Length {response.Content.Headers.ContentLength}");
    }

    [Fact]
    public async Task Non_finite_floats_come_back_as_postgres_spells_them()
    {
        var result = await (await fixture.Api.SendAsync(ApiTestClient.Post(Path,
            new { sql = "SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float4, ARRAY['NaN'::float8, 1.5]" }), Token)).JsonAsync();

        var row = result.GetProperty("rows")[0];
        Assert.Equal(["NaN", "Infinity", "-Infinity"], Enumerable.Range(0, 3).Select(i => row[i].GetString()));
        Assert.Equal("NaN", row[3][0].GetString());
        Assert.Equal(1.5, row[3][1].GetDouble());
    }

    [Theory]
    [InlineData("SELECT 'NaN'::numeric AS n")]
    [InlineData("SELECT interval '1 month' AS n")]
    public async Task A_value_without_a_dotnet_counterpart_is_a_422_that_says_to_cast_it(string sql)
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post(Path, new { sql }), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("n::text", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The API runs as its own process under the AppHost, as in production, so its working set is read
    /// from that process; measuring the test process would say nothing about the API. Aspire reports
    /// the pid of <c>dotnet run</c>, whose child is the API itself.
    /// Before the cap, these queries built gigabyte answers and left the working set above 2 GB: many
    /// times the start. With it, each one holds at most the cap (and one value) while it runs. There is
    /// no warm-up with oversized queries: without the cap, a warm-up would already raise "before".
    /// </summary>
    [Fact]
    public async Task The_api_working_set_stays_bounded_across_oversized_queries()
    {
        // First an answer: the API process exists (Aspire reports "running" as soon as dotnet run starts) and has warmed up.
        (await fixture.Api.SendAsync(ApiTestClient.Post(Path, new { sql = "SELECT 1" }), Token)).EnsureSuccessStatusCode();
        using var api = Process.GetProcessById(ApiProcessId());
        api.Refresh();
        var before = api.WorkingSet64;

        string[] oversized =
        [
            "SELECT repeat('x', 20000000) FROM generate_series(1, 50)",
            "SELECT repeat('x', 1000000) FROM generate_series(1, 200)",
            "SELECT decode(repeat('ab', 10000000), 'hex')",
        ];
        long plateau = 0;
        for (var round = 0; round < Rounds; round++)
        {
            if (round == Rounds / 3)
            {
                api.Refresh();
                plateau = api.WorkingSet64;
            }

            foreach (var sql in oversized)
            {
                var response = await fixture.Api.SendAsync(ApiTestClient.Post(Path, new { sql, limit = SqlQuery.MaxLimit }), Token);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            }
        }

        api.Refresh();
        var after = api.WorkingSet64;
        TestContext.Current.SendDiagnosticMessage(
            $"API working set: {before / 1_048_576} MiB before, {plateau / 1_048_576} MiB after {Rounds / 3} rounds, {after / 1_048_576} MiB after {Rounds}");

        // Bounded means two things. The oversized queries cost a few queries' worth of buffers (the cap,
        // a value as text and as JSON; measured: about 120 MiB before, 320 MiB after), not the 2.3 GB, a
        // ratio near 19, that a gigabyte answer left before the cap. And that cost does not grow with the
        // number of queries: twice as many rounds again leave the working set where it was.
        Assert.True(after < before * 4, $"The working set grew from {before / 1_048_576} MiB to {after / 1_048_576} MiB.");
        Assert.True(after < plateau * 1.5,
            $"The working set kept growing with the queries: {plateau / 1_048_576} MiB after {Rounds / 3} rounds, {after / 1_048_576} MiB after {Rounds}.");
    }

    private const int Rounds = 9;

    private int ApiProcessId()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState("api", out var api), "no state for the api resource");
        var launcher = Convert.ToInt32(api.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        var children = Process.GetProcesses().Select(p => p.Id).Where(pid => ParentOf(pid) == launcher).ToList();
        return Assert.Single(children, pid => CommandLineOf(pid).Contains("DHub.Api", StringComparison.Ordinal));
    }

    /// <summary>The fourth field of /proc/{pid}/stat, after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
