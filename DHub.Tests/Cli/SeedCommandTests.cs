using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Cli;

/// <summary>
/// <c>dhub seed all | status | clear</c>. The fixture's databases are shared: a test that changes
/// them seeds them back to the fixture's scale 0.1 before it ends.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeedCommandTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_status_counts_every_table_and_shows_the_last_run()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var json = await cli.RunAsync("seed", "status", "--json");

        json.AssertSuccess();
        var databases = json.Json().GetProperty("databases").EnumerateArray().ToList();
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(34, databases.Sum(d => d.GetProperty("tables").GetArrayLength()));
        Assert.All(databases, d => Assert.Equal(d.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("rows").GetInt64()), d.GetProperty("totalRows").GetInt64()));
        Assert.Equal(databases.Sum(d => d.GetProperty("totalRows").GetInt64()), json.Json().GetProperty("totalRows").GetInt64());
        Assert.True(json.Json().GetProperty("totalRows").GetInt64() > 0);
        Assert.Equal(0.1, json.Json().GetProperty("lastRun").GetProperty("scale").GetDouble());

        var text = await cli.RunAsync("seed", "status");
        text.AssertSuccess();
        Assert.Contains("employees_db", text.Out, StringComparison.Ordinal);
        Assert.Contains("Total: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("Last seed: seed ", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_status_blocked_by_another_transactions_table_lock_fails_at_its_timeout_with_one_line_and_exit_1()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        CliResult result;
        await using (await HeldTableLock.TakeAsync(fixture, DemoDatabases.Loans, "loans"))
        {
            result = await cli.RunAsync("seed", "status", "--timeout", "1");
        }

        result.AssertOneLineError(1);
        Assert.Contains("loans_db took longer than 1 s", result.Error, StringComparison.Ordinal);
        (await cli.RunAsync("seed", "status", "--timeout", "1")).AssertSuccess();
    }

    [Fact]
    public async Task Seed_status_during_a_seed_reports_the_run_and_exits_0_and_clear_refuses()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        CliResult text, json, clear;
        SeedRun run;
        await using (var seed = await HeldSeed.StartAsync(fixture, tables: 1))
        {
            // With the longest timeout: a status that waited for the seed's tables would not come back before the hold ends.
            text = await cli.RunAsync("seed", "status", "--timeout", "600");
            json = await cli.RunAsync("seed", "status", "--json", "--timeout", "600");
            clear = await cli.RunAsync("seed", "clear", "--confirm");
            run = await seed.FinishAsync();
        }

        text.AssertSuccess();
        Assert.Contains($"A seed is in progress (run {run.RunId}): phase 1 of {SeedPhases.All.Count} ({SeedPhases.All[0].Name})", text.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 34 tables loaded", text.Out, StringComparison.Ordinal);
        Assert.Contains("Last seed: seed ", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Total: ", text.Out, StringComparison.Ordinal);

        json.AssertSuccess();
        var progress = json.Json().GetProperty("inProgress");
        Assert.Equal(run.RunId, progress.GetProperty("runId").GetGuid());
        Assert.Equal(1, progress.GetProperty("tablesLoaded").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.Json().GetProperty("totalRows").ValueKind);
        Assert.Equal(0, json.Json().GetProperty("databases").GetArrayLength());

        clear.AssertOneLineError(1);
        Assert.Contains("Another seed or clear is running", clear.Error, StringComparison.Ordinal);
        Assert.Equal(run.RunId, (await cli.RunAsync("seed", "status", "--json")).Json().GetProperty("lastRun").GetProperty("runId").GetGuid());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public async Task Seed_status_refuses_a_timeout_out_of_range(string seconds)
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("seed", "status", "--timeout", seconds);

        result.AssertOneLineError(2);
        Assert.Contains("between 1 and 600 seconds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_clear_without_confirm_shows_what_it_would_clear_exits_1_and_changes_nothing()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        var before = await DatabaseSnapshot.TakeAsync(fixture);

        var text = await cli.RunAsync("seed", "clear");
        var json = await cli.RunAsync("seed", "clear", "--json");

        text.AssertOneLineError(1);
        Assert.Contains("add --confirm", text.Error, StringComparison.Ordinal);
        Assert.Contains("Would clear", text.Out, StringComparison.Ordinal);
        Assert.Contains("compliance_db", text.Out, StringComparison.Ordinal);
        json.AssertOneLineError(1);
        Assert.False(json.Json().GetProperty("cleared").GetBoolean());
        Assert.Equal(34, json.Json().GetProperty("tables").GetInt32());
        Assert.Equal(before.TotalRows, json.Json().GetProperty("totalRows").GetInt64());
        Assert.True((await DatabaseSnapshot.TakeAsync(fixture)).SameContentsAs(before));
    }

    [Fact]
    public async Task Seed_clear_counts_only_the_demo_tables_it_would_empty_not_a_users_own_table()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        var before = await DatabaseSnapshot.TakeAsync(fixture);
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE public.dhub_test_cli_notes (id integer PRIMARY KEY); INSERT INTO public.dhub_test_cli_notes SELECT generate_series(1, 10)", accounts))
        {
            await create.ExecuteNonQueryAsync(Token);
        }

        try
        {
            var json = await cli.RunAsync("seed", "clear", "--json");

            json.AssertOneLineError(1);
            Assert.Equal(34, json.Json().GetProperty("tables").GetInt32());
            Assert.Equal(before.TotalRows, json.Json().GetProperty("totalRows").GetInt64());
        }
        finally
        {
            await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS public.dhub_test_cli_notes", accounts);
            await drop.ExecuteNonQueryAsync(Token);
        }
    }

    [Fact]
    public async Task Seed_clear_with_confirm_empties_every_table()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        try
        {
            var result = await cli.RunAsync("seed", "clear", "--confirm", "--json");

            result.AssertSuccess();
            Assert.True(result.Json().GetProperty("cleared").GetBoolean());
            Assert.True(result.Json().GetProperty("totalRows").GetInt64() > 0);
            Assert.Equal(0, (await DatabaseSnapshot.TakeAsync(fixture)).TotalRows);
            Assert.Equal(0, (await cli.RunAsync("seed", "status", "--json")).Json().GetProperty("totalRows").GetInt64());
        }
        finally
        {
            await ReseedAsync();
        }
    }

    [Fact]
    public async Task Seed_all_json_reports_the_run_and_status_shows_it()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        try
        {
            var result = await cli.RunAsync("seed", "all", "--scale", "0.1", "--seed", "5", "--as-of", "2026-06-30", "--json");

            result.AssertSuccess();
            var json = result.Json();
            var run = json.GetProperty("run");
            Assert.Equal(5, run.GetProperty("seed").GetInt32());
            Assert.Equal(0.1, run.GetProperty("scale").GetDouble());
            Assert.Equal("2026-06-30", run.GetProperty("asOf").GetString());
            Assert.Equal(DemoDatabases.All, json.GetProperty("databases").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
            Assert.Equal(34, json.GetProperty("databases").EnumerateArray().Sum(d => d.GetProperty("tables").GetArrayLength()));
            var snapshot = await DatabaseSnapshot.TakeAsync(fixture);
            Assert.Equal(snapshot.TotalRows, json.GetProperty("totalRows").GetInt64());
            Assert.Equal(snapshot.RowsOf("employees_db.employees"), json.GetProperty("databases")[0].GetProperty("tables").EnumerateArray()
                .Single(t => t.GetProperty("name").GetString() == "employees").GetProperty("rows").GetInt64());

            var status = (await cli.RunAsync("seed", "status", "--json")).Json();
            Assert.Equal(5, status.GetProperty("lastRun").GetProperty("seed").GetInt32());
            Assert.Equal(run.GetProperty("runId").GetString(), status.GetProperty("lastRun").GetProperty("runId").GetString());
        }
        finally
        {
            await ReseedAsync();
        }
    }

    [Fact]
    public async Task Seed_all_prints_one_plain_line_per_phase_and_table_when_stdout_is_not_a_terminal()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        try
        {
            var result = await cli.RunAsync("seed", "all", "--scale", "0.1", "--seed", "6");

            result.AssertSuccess();
            Assert.Contains("scale 0.1, seed 6", result.Out, StringComparison.Ordinal);
            Assert.Contains("phase 1 foundation", result.Out, StringComparison.Ordinal);
            Assert.Contains("phase 7 compliance", result.Out, StringComparison.Ordinal);
            Assert.Matches(@"employees_db\.employees\s+[\d,]+ rows", result.Out);
            Assert.Contains("rows/s", result.Out, StringComparison.Ordinal);
            Assert.Contains("Seeded ", result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            await ReseedAsync();
        }
    }

    [Fact]
    public async Task Seed_all_shows_a_live_display_on_a_terminal()
    {
        using var cli = new CliRunner { OutputIsTerminal = true }.With("DHUB_CONNECTION", await CliRunner.ServerConnectionStringAsync(fixture));
        try
        {
            var result = await cli.RunAsync("seed", "all", "--scale", "0.1", "--seed", "7");

            result.AssertSuccess();
            Assert.Contains("phase 1 foundation", result.Out, StringComparison.Ordinal);
            Assert.Contains("  compliance_db.rule_violations", result.Out, StringComparison.Ordinal);
            Assert.Contains("Seeded ", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            await ReseedAsync();
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("abc")]
    public async Task A_scale_outside_0_to_1000_is_invalid_input_before_any_server_is_contacted(string scale)
    {
        // The server is unreachable: exit code 2 rather than 3 proves the value was checked first.
        using var cli = new CliRunner().With("DHUB_CONNECTION", "Host=127.0.0.1;Port=1");

        var result = await cli.RunAsync("seed", "all", "--scale", scale);

        result.AssertOneLineError(2);
        Assert.Contains("scale", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("--customers", "5")]
    [InlineData("--employees", "1")]
    [InlineData("--as-of", "30/06/2026")]
    [InlineData("--seed", "x")]
    public async Task Other_bad_seed_options_are_invalid_input(string option, string value)
    {
        using var cli = new CliRunner().With("DHUB_CONNECTION", "Host=127.0.0.1;Port=1");

        (await cli.RunAsync("seed", "all", option, value)).AssertOneLineError(2);
    }

    private async Task ReseedAsync()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
    }
}
