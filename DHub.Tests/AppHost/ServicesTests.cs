using System.Net;
using System.Net.Http.Json;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.AppHost;

/// <summary>The seeder completes and the API answers once it has.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class ServicesTests(LocalAppFixture fixture)
{
    private sealed record DatabaseSummaryDto(string Name, bool Reachable, int TableCount);

    [Fact]
    public void Seeder_finished_with_exit_code_zero() =>
        Assert.Equal(0, fixture.SeederResult.Snapshot.ExitCode);

    [Fact]
    public async Task Api_lists_the_six_databases_with_their_table_counts()
    {
        var databases = await fixture.Api.GetFromJsonAsync<List<DatabaseSummaryDto>>("/api/databases", TestContext.Current.CancellationToken);

        Assert.NotNull(databases);
        Assert.Equal(DemoDatabases.All, databases.Select(d => d.Name));
        Assert.All(databases, d => Assert.True(d.Reachable, $"{d.Name} unreachable"));
        Assert.Equal([6, 6, 4, 5, 6, 7], databases.Select(d => d.TableCount));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Api_health_endpoints_answer_healthy(string path)
    {
        var response = await fixture.Api.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
