using System.Globalization;
using System.Net;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Api;

/// <summary>
/// What a query does stays inside its request: functions that would act beyond the read-only
/// transaction are refused, and whatever is allowed ends with the request, before the connection
/// returns to the pool.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class QuerySessionTests(LocalAppFixture fixture)
{
    private const long SeederLockKey = 0x4448_7562_5365_6564; // SeedSession's key, "DHubSeed" in ASCII

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeders_advisory_lock_is_refused_through_the_api_and_not_held_after_the_response()
    {
        using var response = await fixture.Api.SendAsync(
            ApiTestClient.Post("/api/databases/employees_db/query", new { sql = $"SELECT pg_advisory_lock({SeederLockKey})" }), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("permission denied", (await response.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await AdvisoryLocksHeldAsync(SeederLockKey));
    }

    /// <summary>
    /// Where the privileges cannot be taken away (a non-superuser on an External server), the lock is
    /// still released with the request: the owner, who may take advisory locks, shows it.
    /// </summary>
    [Fact]
    public async Task A_session_advisory_lock_taken_by_a_query_is_released_before_the_connection_is_pooled()
    {
        var key = Random.Shared.NextInt64(1, uint.MaxValue);
        await using var owner = await fixture.CreateConnectionsAsync();
        var source = owner.For(DemoDatabases.Employees);

        var result = await SqlQueryRunner.RunAsync(source, new SqlQuery($"SELECT pg_advisory_lock({key})"), Token);

        Assert.Single(result.Rows);
        Assert.Equal(0, await AdvisoryLocksHeldAsync(key));
    }

    /// <summary>The runner arms its timeout before the statement starts; the statement cannot disarm it.</summary>
    [Theory]
    [InlineData("SELECT set_config('statement_timeout', '600000', false), pg_sleep(60)")]
    [InlineData("SELECT pg_sleep(60) FROM (SELECT set_config('statement_timeout', '0', true)) AS lifted")]
    public async Task A_statement_timeout_raised_inside_the_query_does_not_lift_the_runners(string sql)
    {
        await using var owner = await fixture.CreateConnectionsAsync();

        var error = await Assert.ThrowsAsync<QueryFailedException>(() =>
            SqlQueryRunner.RunAsync(owner.For(DemoDatabases.Employees), new SqlQuery(sql, TimeoutSeconds: 1), Token));

        Assert.Equal(QueryFailure.Timeout, error.Failure);
    }

    /// <summary>pg_notify is allowed: notifications are sent on commit, and a read-only query never commits.</summary>
    [Fact]
    public async Task A_notification_sent_by_a_query_is_never_delivered()
    {
        var channel = $"dhub_test_{Guid.NewGuid():N}";
        await using var listener = await fixture.OpenAsync(DemoDatabases.Employees);
        var received = new List<string>();
        listener.Notification += (_, e) => received.Add(e.Payload);
        await ExecuteAsync(listener, $"LISTEN {channel}");

        using var response = await fixture.Api.SendAsync(
            ApiTestClient.Post("/api/databases/employees_db/query", new { sql = $"SELECT pg_notify('{channel}', 'from-the-query')" }), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Notifications arrive in commit order, so once the marker is here the query's would have been too.
        await using (var sender = await fixture.OpenAsync(DemoDatabases.Employees))
        {
            await ExecuteAsync(sender, $"NOTIFY {channel}, 'marker'");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (!received.Contains("marker"))
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(["marker"], received);
    }

    private async Task<long> AdvisoryLocksHeldAsync(long key)
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = @high AND objid::bigint = @low", connection);
        command.Parameters.AddWithValue("high", key >> 32);
        command.Parameters.AddWithValue("low", key & uint.MaxValue);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
