using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Cli;

/// <summary><c>dhub db list | test | tables | info</c> against the fixture's server.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class DbCommandTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task Db_list_marks_the_six_demo_databases_and_counts_all()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var json = await cli.RunAsync("db", "list", "--json");
        json.AssertSuccess();
        var databases = json.Json().GetProperty("databases").EnumerateArray().ToList();
        Assert.Equal(DemoDatabases.All.Order(), databases.Where(d => d.GetProperty("demo").GetBoolean()).Select(d => d.GetProperty("name").GetString()).Order());
        Assert.Contains(databases, d => d.GetProperty("name").GetString() == "postgres" && !d.GetProperty("demo").GetBoolean());
        Assert.Equal(databases.Count, json.Json().GetProperty("total").GetInt32());
        Assert.Equal(6, json.Json().GetProperty("demo").GetInt32());

        var text = await cli.RunAsync("db", "list");
        text.AssertSuccess();
        Assert.Contains("employees_db", text.Out, StringComparison.Ordinal);
        Assert.Contains("demo", text.Out, StringComparison.Ordinal);
        Assert.Contains($"Total: {databases.Count} database(s), 6 of them demo databases.", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_test_checks_all_six_or_one()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var all = await cli.RunAsync("db", "test");
        all.AssertSuccess();
        Assert.Contains("6/6 databases reachable", all.Out, StringComparison.Ordinal);
        Assert.All(DemoDatabases.All, name => Assert.Contains($"✓ {name}", all.Out, StringComparison.Ordinal));

        var json = await cli.RunAsync("db", "test", "--json");
        json.AssertSuccess();
        Assert.Equal(6, json.Json().GetProperty("reachable").GetInt32());
        Assert.All(json.Json().GetProperty("results").EnumerateArray(), r => Assert.True(r.GetProperty("reachable").GetBoolean()));

        var one = await cli.RunAsync("db", "test", "-d", "loans_db");
        one.AssertSuccess();
        Assert.Contains("1/1 databases reachable", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_tables_lists_the_demo_databases_one_database_or_all()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var demo = (await cli.RunAsync("db", "tables", "--json"));
        demo.AssertSuccess();
        var databases = demo.Json().GetProperty("databases").EnumerateArray().ToList();
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.GetProperty("name").GetString()));
        var accounts = databases.Single(d => d.GetProperty("name").GetString() == "accounts_db").GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("schema").GetString() == "public").Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["account_relationships", "accounts", "customers", "transactions"], accounts);
        Assert.Equal(databases.Sum(d => d.GetProperty("tables").GetArrayLength()), demo.Json().GetProperty("total").GetInt32());

        var one = await cli.RunAsync("db", "tables", "-d", "accounts_db");
        one.AssertSuccess();
        Assert.Contains("transactions", one.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("employees_db", one.Out, StringComparison.Ordinal);

        var all = await cli.RunAsync("db", "tables", "--all", "--json");
        all.AssertSuccess();
        Assert.Contains(all.Json().GetProperty("databases").EnumerateArray(), d => d.GetProperty("name").GetString() == "postgres");

        (await cli.RunAsync("db", "tables", "-d", "accounts_db", "--all")).AssertOneLineError(2);
    }

    [Fact]
    public async Task Db_info_shows_version_size_and_connections()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var all = await cli.RunAsync("db", "info", "--json");
        all.AssertSuccess();
        Assert.StartsWith("1", all.Json().GetProperty("version").GetString(), StringComparison.Ordinal);
        var databases = all.Json().GetProperty("databases").EnumerateArray().ToList();
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.GetProperty("name").GetString()));
        Assert.All(databases, d => Assert.True(d.GetProperty("sizeBytes").GetInt64() > 0));
        Assert.All(databases, d => Assert.True(d.GetProperty("activeConnections").GetInt32() >= 0));

        var one = await cli.RunAsync("db", "info", "-d", "customer_db");
        one.AssertSuccess();
        Assert.Contains("PostgreSQL", one.Out, StringComparison.Ordinal);
        Assert.Contains("customer_db", one.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("loans_db", one.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db", "test")]
    [InlineData("db", "tables")]
    [InlineData("db", "info")]
    [InlineData("db", "query", "SELECT 1")]
    public async Task An_unknown_database_is_invalid_input_and_the_error_lists_those_that_exist(params string[] command)
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync([.. command, "-d", "nope_db"]);

        result.AssertOneLineError(2);
        Assert.Contains("'nope_db' does not exist", result.Error, StringComparison.Ordinal);
        Assert.All(DemoDatabases.All, name => Assert.Contains(name, result.Error, StringComparison.Ordinal));
        Assert.Empty(result.Out);
    }
}
