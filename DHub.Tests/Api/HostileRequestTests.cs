using System.Net;
using System.Text;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

/// <summary>
/// Malformed and hostile requests: each must get a 4xx ProblemDetails, never a 5xx, and together they
/// must leave the server healthy and every table's rows unchanged.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class HostileRequestTests(LocalAppFixture fixture)
{
    public sealed record HostileRequest(string Name, HttpMethod Method, string Path, string? Body = null, string ContentType = "application/json", string? ApiKey = null)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] HostileNames =
    [
        "postgres", "template1", "mydb", "nope_db", "EMPLOYEES_DB", "employees_db%20", "..", "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e", "employees_db%3BDROP%20DATABASE%20accounts_db", "%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "employees_db%27%29%3B--", new string('a', 2000), "%E2%80%AEbd_seyolpme", "employees_db.public.employees",
    ];

    private static readonly string[] BadQueryBodies =
    [
        "", "not json", "{", "}", "[]", "null", "42", "\"SELECT 1\"", """{"sql": "SELECT 1" """, """{"sql": ["SELECT 1"]}""",
        """{"sql": {"text": "SELECT 1"}}""", """{"sql": 1}""", """{"sql": true}""", """{"sql": "SELECT 1", "limit": "5"}""",
        """{"sql": "SELECT 1", "limit": 1.5}""", """{"sql": "SELECT 1", "limit": -1}""", """{"sql": "SELECT 1", "limit": 0}""",
        """{"sql": "SELECT 1", "limit": 10001}""", """{"sql": "SELECT 1", "limit": 2147483648}""", """{"sql": "SELECT 1", "limit": 1e400}""",
        """{"sql": "SELECT 1", "limit": null, "extra": }""", """{"sql": ""}""", """{"sql": "   "}""", """{"sql": null}""", """{}""",
        """{"sql": "SELEC 1"}""", """{"sql": "SELECT * FROM no_such_table"}""", """{"sql": "SELECT 1/0"}""",
    ];

    private static readonly string[] DisguisedWrites =
    [
        "COMMIT; DROP TABLE employees", "ROLLBACK; DELETE FROM departments", "SET TRANSACTION READ WRITE; DELETE FROM departments",
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "DELETE FROM departments", "TRUNCATE departments CASCADE",
        "UPDATE employees SET salary = 1", "INSERT INTO departments (department_id, department_name) VALUES ('X', 'Lending')",
        "DROP TABLE departments", "ALTER TABLE departments ADD COLUMN pwned int", "CREATE TABLE public.pwned (id int)",
        "CREATE FUNCTION pwn() RETURNS int AS 'SELECT 1' LANGUAGE sql", "DO $$ BEGIN DELETE FROM departments; END $$",
        "WITH gone AS (DELETE FROM departments RETURNING *) SELECT count(*) FROM gone",
        "WITH moved AS (UPDATE employees SET salary = 0 RETURNING 1) SELECT count(*) FROM moved",
        "COPY (SELECT 1) TO PROGRAM 'touch /tmp/dhub-pwned'", "COPY departments FROM '/etc/passwd'", "COPY departments TO '/tmp/dhub-dump'",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity", "SELECT pg_read_file('/etc/passwd')", "ALTER ROLE dhub_reader SUPERUSER",
        "GRANT ALL ON departments TO PUBLIC", "SELECT set_config('default_transaction_read_only', 'off', false); DELETE FROM departments",
        "LOCK TABLE departments IN ACCESS EXCLUSIVE MODE", "VACUUM departments", "CREATE EXTENSION dblink",
        "SELECT lo_import('/etc/passwd')", "PREPARE TRANSACTION 'x'", "CALL nothing()", "SELECT 1; SELECT 2",
    ];

    /// <summary>Functions whose effects outlast a read-only transaction, or reach other sessions, the server or its files.</summary>
    private static readonly string[] EscapesFromTheTransaction =
    [
        "SELECT pg_advisory_lock(4919)", "SELECT pg_try_advisory_xact_lock(1, 2)", "SELECT pg_advisory_lock_shared(4919)",
        "SELECT set_config('statement_timeout', '0', false)", "SELECT set_config('work_mem', '4GB', true)",
        "SELECT pg_sleep(60) FROM (SELECT set_config('statement_timeout', '600000', false)) AS raised",
        "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE usename = current_user", "SELECT pg_terminate_backend(pg_backend_pid())",
        "SELECT pg_logical_emit_message(false, 'dhub', 'x')", "SELECT pg_ls_dir('.')", "SELECT pg_read_binary_file('/etc/passwd')",
        "SELECT pg_stat_file('postgresql.conf')", "SELECT * FROM dblink('dbname=employees_db', 'DELETE FROM departments') AS t(x text)",
        "SELECT postgres_fdw_disconnect_all()", "SELECT pg_sleep(60)",
    ];

    /// <summary>Answers that would be too large to hold, or hold values JSON cannot carry.</summary>
    private static readonly string[] OversizedResults =
    [
        "SELECT repeat('x', 200000000)", "SELECT repeat('x', 20000000) FROM generate_series(1, 50)",
        "SELECT repeat('x', 100000) FROM generate_series(1, 1000)", "SELECT decode(repeat('ab', 10000000), 'hex')",
        "SELECT repeat('é', 9000000)", "SELECT array_fill(now(), ARRAY[2000000])", "SELECT 'NaN'::numeric", "SELECT 1e100::numeric",
        "SELECT interval '1 month'",
    ];

    private static readonly string[] BadSeedBodies =
    [
        "", "nope", "[]", """{"scale": 0}""", """{"scale": -0.5}""", """{"scale": 1000.01}""", """{"scale": 1e309}""", """{"scale": "NaN"}""",
        """{"scale": "1.0"}""", """{"scale": null, "seed": "x"}""", """{"seed": 1.5}""", """{"seed": 99999999999}""", """{"customers": 1}""",
        """{"customers": -10}""", """{"employees": 0}""", """{"employees": 2000000}""", """{"customers": 50000000}""",
    ];

    public static TheoryData<HostileRequest> Requests()
    {
        var requests = new List<HostileRequest>();
        foreach (var name in HostileNames)
        {
            requests.Add(new($"GET info of {Short(name)}", HttpMethod.Get, $"/api/databases/{name}"));
            requests.Add(new($"GET tables of {Short(name)}", HttpMethod.Get, $"/api/databases/{name}/tables"));
            requests.Add(new($"POST query to {Short(name)}", HttpMethod.Post, $"/api/databases/{name}/query", """{"sql": "SELECT 1"}"""));
        }

        requests.AddRange(BadQueryBodies.Select(body => new HostileRequest($"query body {Short(body)}", HttpMethod.Post, "/api/databases/employees_db/query", body)));
        requests.AddRange(DisguisedWrites.Select(sql => new HostileRequest($"write {Short(sql)}", HttpMethod.Post, "/api/databases/employees_db/query",
            System.Text.Json.JsonSerializer.Serialize(new { sql }))));
        requests.AddRange(EscapesFromTheTransaction.Select(sql => new HostileRequest($"escape {Short(sql)}", HttpMethod.Post, "/api/databases/employees_db/query",
            System.Text.Json.JsonSerializer.Serialize(new { sql }))));
        requests.AddRange(OversizedResults.Select(sql => new HostileRequest($"result {Short(sql)}", HttpMethod.Post, "/api/databases/employees_db/query",
            System.Text.Json.JsonSerializer.Serialize(new { sql, limit = 10_000 }))));
        requests.AddRange(BadSeedBodies.Select(body => new HostileRequest($"seed body {Short(body)}", HttpMethod.Post, "/api/seed", body, ApiKey: LocalAppFixture.ApiKey)));

        requests.Add(new("query as text/plain", HttpMethod.Post, "/api/databases/employees_db/query", "SELECT 1", "text/plain"));
        requests.Add(new("query as form", HttpMethod.Post, "/api/databases/employees_db/query", "sql=SELECT+1", "application/x-www-form-urlencoded"));
        requests.Add(new("oversized query", HttpMethod.Post, "/api/databases/employees_db/query", System.Text.Json.JsonSerializer.Serialize(new { sql = "SELECT '" + new string('x', 400_000) + "'" })));
        requests.Add(new("oversized seed", HttpMethod.Post, "/api/seed", "{\"scale\": 1" + new string(' ', 400_000) + "}", ApiKey: LocalAppFixture.ApiKey));
        requests.Add(new("seed without key", HttpMethod.Post, "/api/seed", """{"scale": 0.1}"""));
        requests.Add(new("seed with wrong key", HttpMethod.Post, "/api/seed", """{"scale": 0.1}""", ApiKey: "guess"));
        requests.Add(new("seed with empty-looking key", HttpMethod.Post, "/api/seed", """{"scale": 0.1}""", ApiKey: " "));
        requests.Add(new("clear without key", HttpMethod.Delete, "/api/seed"));
        requests.Add(new("clear with wrong key", HttpMethod.Delete, "/api/seed", ApiKey: LocalAppFixture.ApiKey.ToUpperInvariant()));
        requests.Add(new("run id not a guid", HttpMethod.Get, "/api/seed/runs/1%3BDROP"));
        requests.Add(new("unknown run", HttpMethod.Get, $"/api/seed/runs/{Guid.Empty}"));
        requests.Add(new("PUT seed", HttpMethod.Put, "/api/seed", """{"scale": 1}""", ApiKey: LocalAppFixture.ApiKey));
        requests.Add(new("PATCH databases", HttpMethod.Patch, "/api/databases/employees_db", "{}"));
        requests.Add(new("DELETE a database", HttpMethod.Delete, "/api/databases/employees_db"));
        requests.Add(new("POST databases", HttpMethod.Post, "/api/databases", "{}"));
        requests.Add(new("GET query", HttpMethod.Get, "/api/databases/employees_db/query"));
        requests.Add(new("unknown api path", HttpMethod.Get, "/api/../../etc/passwd"));

        var data = new TheoryData<HostileRequest>();
        foreach (var request in requests)
        {
            data.Add(request);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_a_hundred_requests() => Assert.True(Requests().Count >= 100, $"only {Requests().Count} requests");

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_hostile_request_gets_a_4xx_problem_and_changes_nothing(HostileRequest hostile)
    {
        var before = await RowCountsAsync();

        using var request = new HttpRequestMessage(hostile.Method, hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new StringContent(hostile.Body, Encoding.UTF8, hostile.ContentType);
        }

        if (hostile.ApiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", hostile.ApiKey);
        }

        var response = await fixture.Api.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(File.Exists("/tmp/dhub-pwned"));
    }

    /// <summary>A NUL byte never reaches the application: Kestrel rejects the request line with a bare 400.</summary>
    [Fact]
    public async Task A_nul_byte_in_the_path_is_rejected_by_the_server_itself()
    {
        var response = await fixture.Api.GetAsync("/api/databases/employees_db%00/tables", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<long> RowCountsAsync() =>
        // Exact row counts of every public table in one round trip per database, plus the number of tables.
        await fixture.SumOverDatabasesAsync(
            """
            SELECT count(*) + coalesce(sum((xpath('/row/c/text()',
                   query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text::bigint), 0)
            FROM information_schema.tables WHERE table_schema = 'public'
            """) +
        await fixture.SumOverDatabasesAsync("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace");

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
