using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DHub.Tests.Faults;

/// <summary>
/// The API's read endpoints and what a fault may make them answer. Wrong answers are collected,
/// not thrown at once, so a test still goes on to check the recovery and reports every wrong
/// answer together at its end.
/// </summary>
internal static class ApiProbe
{
    public const string Database = "employees_db";

    /// <summary>Endpoints that need the database and must answer 503 ProblemDetails while it is away.</summary>
    public static readonly string[] ReadEndpoints =
    [
        $"GET /api/databases/{Database}",
        $"GET /api/databases/{Database}/tables",
        $"POST /api/databases/{Database}/query",
        "GET /api/seed/status",
    ];

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { sql = "SELECT 1 AS one" });
        }

        return await client.SendAsync(request, FaultSupport.Token);
    }

    /// <summary>Null when the answer is a 503 ProblemDetails saying the database is unavailable; else what is wrong.</summary>
    public static async Task<string?> UnavailableProblemViolationAsync(HttpResponseMessage response, string endpoint)
    {
        var body = await response.Content.ReadAsStringAsync(FaultSupport.Token);
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            return $"{endpoint} answered {(int)response.StatusCode} instead of 503: {body}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{endpoint} answered 503 as {response.Content.Headers.ContentType?.MediaType}, not application/problem+json: {body}";
        }

        var problem = JsonDocument.Parse(body).RootElement;
        return problem.TryGetProperty("status", out var status) && status.GetInt32() == 503
            && problem.TryGetProperty("title", out var title) && title.GetString() == "Database unavailable"
            ? null
            : $"{endpoint} answered 503 with an unexpected problem: {body}";
    }

    /// <summary>What the endpoint answers once the database is back: its normal 200 payload.</summary>
    public static async Task AssertHealthyAnswerAsync(HttpResponseMessage response, string endpoint)
    {
        var body = await response.Content.ReadAsStringAsync(FaultSupport.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint} answered {(int)response.StatusCode}: {body}");
        if (endpoint.StartsWith("POST", StringComparison.Ordinal))
        {
            Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("rows")[0][0].GetInt32());
        }
    }

    /// <summary>
    /// Polls /health and every read endpoint until all answer 200, with a deadline. On the way back
    /// only 503s are acceptable (ProblemDetails for the read endpoints): anything else, a 4xx or a
    /// 500, is added to <paramref name="violations"/>. Returns every answer seen, for the test output.
    /// </summary>
    public static async Task<List<string>> WaitForRecoveryAsync(HttpClient client, TimeSpan deadline, List<string> violations)
    {
        var seen = new List<string>();
        var pending = new HashSet<string>(["GET /health", .. ReadEndpoints], StringComparer.Ordinal);
        await FaultSupport.WaitUntilAsync(async () =>
        {
            foreach (var endpoint in pending.ToList())
            {
                using var response = await SendAsync(client, endpoint);
                seen.Add($"{endpoint} {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (endpoint != "GET /health")
                    {
                        await AssertHealthyAnswerAsync(response, endpoint);
                    }

                    pending.Remove(endpoint);
                }
                else if (endpoint == "GET /health")
                {
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        violations.Add($"/health answered {(int)response.StatusCode} while recovering");
                    }
                }
                else if (await UnavailableProblemViolationAsync(response, endpoint) is { } violation)
                {
                    violations.Add(violation);
                }
            }

            return pending.Count == 0;
        }, deadline, "the API to recover on every endpoint", TimeSpan.FromMilliseconds(500));
        return seen;
    }

    /// <summary>
    /// Everything the API must answer while PostgreSQL is unreachable: /health 503 Unhealthy, /alive
    /// 200, the read endpoints 503 ProblemDetails (added to <paramref name="violations"/> otherwise),
    /// and the database list 200 with every database unreachable.
    /// </summary>
    public static async Task CheckOutageAnswersAsync(HttpClient client, List<string> violations)
    {
        using (var health = await client.GetAsync("/health", FaultSupport.Token))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(FaultSupport.Token));
        }

        using (var alive = await client.GetAsync("/alive", FaultSupport.Token))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        foreach (var endpoint in ReadEndpoints)
        {
            using var response = await SendAsync(client, endpoint);
            if (await UnavailableProblemViolationAsync(response, endpoint) is { } violation)
            {
                violations.Add(violation);
            }
        }

        // The list reports reachability by design: 200, every database unreachable.
        using var list = await client.GetAsync("/api/databases", FaultSupport.Token);
        var body = await list.Content.ReadAsStringAsync(FaultSupport.Token);
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"/api/databases answered {(int)list.StatusCode}: {body}");
        var databases = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(6, databases.Count);
        Assert.All(databases, d => Assert.False(d.GetProperty("reachable").GetBoolean(), $"{d.GetProperty("name")} reported reachable"));
    }

    public static void AssertNoViolations(List<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} wrong answers:\n{string.Join('\n', violations)}");
}
