using System.Net;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class DatabaseApiTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Info_tables_and_test_describe_a_database()
    {
        var info = await (await fixture.Api.GetAsync("/api/databases/accounts_db", Token)).JsonAsync();
        Assert.Equal("accounts_db", info.GetProperty("name").GetString());
        Assert.StartsWith("15", info.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.True(info.GetProperty("sizeBytes").GetInt64() > 0);

        var tables = await (await fixture.Api.GetAsync("/api/databases/accounts_db/tables", Token)).JsonAsync();
        Assert.Equal(["account_relationships", "accounts", "customers", "transactions"],
            tables.EnumerateArray().Where(t => t.GetProperty("schema").GetString() == "public").Select(t => t.GetProperty("name").GetString()));

        var test = await (await fixture.Api.GetAsync("/api/databases/loans_db/test", Token)).JsonAsync();
        Assert.True(test.GetProperty("reachable").GetBoolean());
    }

    [Theory]
    [InlineData("/api/databases/postgres")]
    [InlineData("/api/databases/nope_db/tables")]
    [InlineData("/api/databases/..%2F..%2Fetc%2Fpasswd/test")]
    [InlineData("/api/databases/accounts_db';DROP%20DATABASE%20accounts_db;--")]
    public async Task Anything_but_the_six_databases_is_a_404_problem(string path)
    {
        var response = await fixture.Api.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_query_returns_columns_types_and_rows_and_respects_the_row_cap()
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query",
            new { sql = "SELECT department_name, budget FROM departments ORDER BY department_name", limit = 5 }), Token);
        var result = await response.JsonAsync();

        Assert.Equal(["department_name", "budget"], result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["character varying(100)", "numeric(15, 2)"], result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Equal(5, result.GetProperty("rows").GetArrayLength());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("COMMIT; DELETE FROM departments")]
    [InlineData("SET TRANSACTION READ WRITE; DELETE FROM departments")]
    [InlineData("WITH gone AS (DELETE FROM departments RETURNING *) SELECT count(*) FROM gone")]
    [InlineData("DELETE FROM departments")]
    [InlineData("UPDATE employees SET salary = 0")]
    [InlineData("DROP TABLE departments")]
    [InlineData("CREATE TABLE public.evil (id int)")]
    [InlineData("COPY (SELECT 1) TO PROGRAM 'touch /tmp/dhub-pwned'")]
    [InlineData("DO $$ BEGIN DELETE FROM departments; END $$")]
    public async Task Disguised_writes_are_refused_and_change_nothing(string sql)
    {
        var before = await fixture.SumOverDatabasesAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        await using var employees = await fixture.OpenAsync(DemoDatabases.Employees);
        var departments = await CountAsync(employees, "departments");

        var response = await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query", new { sql }), Token);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await response.ProblemAsync();
        Assert.Equal(departments, await CountAsync(employees, "departments"));
        Assert.Equal(before, await fixture.SumOverDatabasesAsync("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.False(File.Exists("/tmp/dhub-pwned"));
    }

    [Fact]
    public async Task A_query_over_the_statement_timeout_is_cancelled_with_a_408()
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query",
            new { sql = $"SELECT pg_sleep({LocalAppFixture.QueryTimeoutSeconds * 3})" }), Token);

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Contains("timeout", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("""{"sql": "SELECT 1", "limit": 0}""")]
    [InlineData("""{"sql": "SELECT 1", "limit": 10001}""")]
    [InlineData("""{"sql": "SELECT 1", "limit": -5}""")]
    [InlineData("""{"sql": ""}""")]
    [InlineData("""{"limit": 5}""")]
    [InlineData("""{"sql": "SELEC 1"}""")]
    [InlineData("""{"sql": 42}""")]
    [InlineData("""{"sql": "SELECT 1", "limit": "ten"}""")]
    [InlineData("""{"sql": "SELECT 1", "limit": 99999999999999999999}""")]
    [InlineData("""{"sql": "SELECT 1" """)]
    [InlineData("not json at all")]
    public async Task Malformed_query_requests_are_400_problems(string body)
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.PostRaw("/api/databases/employees_db/query", body), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_syntax_error_reports_postgres_message_and_position()
    {
        var response = await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query", new { sql = "SELECT * FROM employees WHERE" }), Token);

        var detail = (await response.ProblemAsync()).GetProperty("detail").GetString();
        Assert.Contains("42601", detail, StringComparison.Ordinal);
        Assert.Contains("position", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_rejected()
    {
        var sql = "SELECT '" + new string('x', 300 * 1024) + "'";
        var response = await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query", new { sql }), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var document = await (await fixture.Api.GetAsync("/openapi/v1.json", Token)).JsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/databases/{db}/query", paths);
        Assert.Contains("/api/seed", paths);
        Assert.Contains("/api/seed/runs/{id}", paths);
    }

    private static async Task<long> CountAsync(Npgsql.NpgsqlConnection connection, string table)
    {
        await using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
