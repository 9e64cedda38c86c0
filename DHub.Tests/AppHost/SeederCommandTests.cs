using DHub.AppHost;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.AppHost;

/// <summary>The seeder's dashboard commands, executed the way the dashboard does: through ResourceCommands.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeederCommandTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clear_data_empties_the_tables_and_reseed_fills_them_again()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        var before = await scope.Operations.GetStatusAsync(Token);
        Assert.True(before.TotalRows > 0);

        var cleared = await fixture.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ClearCommand, Token);
        Assert.True(cleared.Success, cleared.Message);
        Assert.Equal(0, (await scope.Operations.GetStatusAsync(Token)).TotalRows);

        var reseeded = await fixture.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ReseedCommand, Token);
        Assert.True(reseeded.Success, reseeded.Message);

        // The seeder restarts and records a new run when it commits.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var after = await scope.Operations.GetStatusAsync(Token);
        while (after.LastRun?.RunId == before.LastRun?.RunId && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, Token);
            after = await scope.Operations.GetStatusAsync(Token);
        }

        Assert.NotEqual(before.LastRun?.RunId, after.LastRun?.RunId);
        Assert.Equal(after.LastRun!.TotalRows, after.TotalRows);
        Assert.Equal(double.Parse(LocalAppFixture.SeedScale, System.Globalization.CultureInfo.InvariantCulture), after.LastRun.Scale);
    }
}
