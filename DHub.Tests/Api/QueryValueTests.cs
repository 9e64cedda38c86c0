using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Api;

[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class QueryValueTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task Arrays_and_bytea_come_back_as_values_not_type_names()
    {
        var result = await (await fixture.Api.SendAsync(ApiTestClient.Post("/api/databases/employees_db/query",
            new { sql = "SELECT ARRAY[1, 2, 3] AS numbers, '\\xdeadbeef'::bytea AS bytes, ARRAY['a', NULL] AS texts" }), TestContext.Current.CancellationToken)).JsonAsync();

        var row = result.GetProperty("rows")[0];
        Assert.Equal([1, 2, 3], row[0].EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal("\\xdeadbeef", row[1].GetString());
        Assert.Equal(["a", null], row[2].EnumerateArray().Select(v => v.GetString()));
    }

    /// <summary>Data sources derived for other databases (e.g. "postgres") must keep the credentials.</summary>
    [Fact]
    public async Task The_server_catalog_lists_every_database_through_derived_connections()
    {
        await using var connections = await fixture.CreateConnectionsAsync();

        var databases = await new ServerCatalog(connections).ListDatabasesAsync(TestContext.Current.CancellationToken);

        Assert.Contains(databases, d => d.Name == "postgres" && !d.IsDemo);
        Assert.All(DemoDatabases.All, name => Assert.Contains(databases, d => d.Name == name && d.IsDemo));
    }
}
