using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Cli;

/// <summary><c>dhub db query</c>: results, limits, read-only by default, --write, and SQL errors.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class DbQueryCommandTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_query_prints_a_table_and_says_when_the_limit_cut_it()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("db", "query", "SELECT department_name, budget FROM departments ORDER BY department_name", "-d", "employees_db", "--limit", "3");

        result.AssertSuccess();
        Assert.Contains("department_name", result.Out, StringComparison.Ordinal);
        Assert.Contains("(limited to 3 rows)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_has_columns_rows_and_the_truncation_flag()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var limited = await cli.RunAsync("db", "query", "SELECT department_name, budget FROM departments ORDER BY department_name", "-d", "employees_db", "-l", "3", "--json");
        limited.AssertSuccess();
        var json = limited.Json();
        Assert.Equal("employees_db", json.GetProperty("database").GetString());
        Assert.Equal(["department_name", "budget"], json.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(3, json.GetProperty("rows").GetArrayLength());
        Assert.Equal(3, json.GetProperty("rowCount").GetInt32());
        Assert.True(json.GetProperty("truncated").GetBoolean());
        Assert.All(json.GetProperty("rows").EnumerateArray(), row => Assert.True(row[1].GetDecimal() > 0));

        var whole = await cli.RunAsync("db", "query", "SELECT 1 AS one, 'x' AS letter, NULL::int AS nothing", "--json");
        whole.AssertSuccess();
        Assert.False(whole.Json().GetProperty("truncated").GetBoolean());
        Assert.Equal("[1,\"x\",null]", whole.Json().GetProperty("rows")[0].GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_d_the_query_runs_in_POSTGRES_DB_or_else_employees_db()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        const string Sql = "SELECT current_database()";

        Assert.Equal("employees_db", (await cli.RunAsync("db", "query", Sql, "--json")).Json().GetProperty("rows")[0][0].GetString());

        cli.WithDotEnv("POSTGRES_DB=customer_db\n");
        Assert.Equal("customer_db", (await cli.RunAsync("db", "query", Sql, "--json")).Json().GetProperty("rows")[0][0].GetString());

        cli.With("POSTGRES_DB", "loans_db");
        Assert.Equal("loans_db", (await cli.RunAsync("db", "query", Sql, "--json")).Json().GetProperty("rows")[0][0].GetString());
        Assert.Equal("accounts_db", (await cli.RunAsync("db", "query", Sql, "-d", "accounts_db", "--json")).Json().GetProperty("rows")[0][0].GetString());
    }

    [Theory]
    [InlineData("SELEC 1", "syntax error", "position 1")]
    [InlineData("SELECT * FROM no_such_table", "no_such_table", "position 15")]
    public async Task Bad_sql_is_invalid_input_with_postgres_message_and_position(string sql, string message, string position)
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("db", "query", sql, "-d", "employees_db");

        result.AssertOneLineError(2);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains(position, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM departments")]
    [InlineData("UPDATE employees SET salary = 0")]
    [InlineData("DROP TABLE departments")]
    [InlineData("CREATE TABLE public.evil (id int)")]
    public async Task A_write_without_write_is_refused_with_a_hint_and_changes_nothing(string sql)
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        var before = await DigestAsync("SELECT count(*) || ':' || coalesce(sum(salary), 0) FROM employees");
        var departments = await DigestAsync("SELECT count(*)::text FROM departments");

        var result = await cli.RunAsync("db", "query", sql, "-d", "employees_db");

        result.AssertOneLineError(2);
        Assert.Contains("add --write", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await DigestAsync("SELECT count(*) || ':' || coalesce(sum(salary), 0) FROM employees"));
        Assert.Equal(departments, await DigestAsync("SELECT count(*)::text FROM departments"));
    }

    [Fact]
    public async Task With_write_statements_commit()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        // A schema of its own: the demo tables in public stay exactly as seeded for the other tests.
        var schema = $"cli_scratch_{Guid.NewGuid():N}";
        try
        {
            (await cli.RunAsync("db", "query", $"CREATE SCHEMA {schema}", "-d", "employees_db", "--write")).AssertSuccess();
            (await cli.RunAsync("db", "query", $"CREATE TABLE {schema}.notes (id int)", "-d", "employees_db", "--write")).AssertSuccess();

            var insert = await cli.RunAsync("db", "query", $"INSERT INTO {schema}.notes VALUES (1), (2), (3)", "-d", "employees_db", "--write");
            insert.AssertSuccess();
            Assert.Contains("3 row(s) affected; committed.", insert.Out, StringComparison.Ordinal);
            Assert.Equal("6", await DigestAsync($"SELECT sum(id)::text FROM {schema}.notes"));

            var update = await cli.RunAsync("db", "query", $"UPDATE {schema}.notes SET id = id * 10", "-d", "employees_db", "--write", "--json");
            update.AssertSuccess();
            Assert.Equal(3, update.Json().GetProperty("affectedRows").GetInt64());
            Assert.True(update.Json().GetProperty("committed").GetBoolean());
            Assert.Equal("60", await DigestAsync($"SELECT sum(id)::text FROM {schema}.notes"));

            (await cli.RunAsync("db", "query", $"DELETE FROM {schema}.notes", "-d", "employees_db")).AssertOneLineError(2);
            Assert.Equal("60", await DigestAsync($"SELECT sum(id)::text FROM {schema}.notes"));

            (await cli.RunAsync("db", "query", $"DROP SCHEMA {schema} CASCADE", "-d", "employees_db", "--write")).AssertSuccess();
            Assert.Equal("0", await DigestAsync($"SELECT count(*)::text FROM information_schema.schemata WHERE schema_name = '{schema}'"));
        }
        finally
        {
            await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync(Token);
        }
    }

    [Fact]
    public async Task Only_one_statement_runs_and_a_runtime_error_is_a_failure_not_bad_input()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var two = await cli.RunAsync("db", "query", "SELECT 1; SELECT 2");
        var division = await cli.RunAsync("db", "query", "SELECT 1 / 0");

        two.AssertOneLineError(2);
        division.AssertOneLineError(1);
        Assert.Contains("22012", division.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "10001")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "601")]
    [InlineData("--max-bytes", "1023")]
    [InlineData("--max-bytes", "1073741825")]
    public async Task Limits_out_of_range_are_invalid_input(string option, string value)
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        (await cli.RunAsync("db", "query", "SELECT 1", option, value)).AssertOneLineError(2);
    }

    [Fact]
    public async Task A_statement_over_the_timeout_is_cancelled()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("db", "query", "SELECT pg_sleep(5)", "--timeout", "1");

        result.AssertOneLineError(1);
        Assert.Contains("timeout of 1 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_past_max_bytes_is_refused_with_one_line_and_no_rows()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);
        const string Sql = "SELECT repeat('x', 1000) AS filler FROM generate_series(1, 10)";

        var refused = await cli.RunAsync("db", "query", Sql, "--max-bytes", "4096");
        var fits = await cli.RunAsync("db", "query", Sql, "--max-bytes", "20000", "--json");

        refused.AssertOneLineError(1);
        Assert.Contains("larger than the limit of 4096 bytes", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--max-bytes", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", refused.Out, StringComparison.Ordinal);
        fits.AssertSuccess();
        Assert.Equal(10, fits.Json().GetProperty("rowCount").GetInt32());
    }

    /// <summary>The default cap applies without the option: a 20 MB value is refused from its length, not loaded.</summary>
    [Fact]
    public async Task Without_max_bytes_the_default_cap_applies()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("db", "query", "SELECT repeat('x', 20000000)");

        result.AssertOneLineError(1);
        Assert.Contains($"larger than the limit of {SqlQuery.DefaultMaxResultBytes} bytes", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> DigestAsync(string sql)
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }
}
