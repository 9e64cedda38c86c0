using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.Tests.Infrastructure;

namespace DHub.Tests.Seeding;

/// <summary>The seeder as the AppHost runs it: a failed seed exits non-zero and the API never starts.</summary>
public sealed class SeederHostTests
{
    [Fact]
    public async Task A_failing_seeder_exits_non_zero_and_keeps_the_api_from_starting()
    {
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await app.StartAsync(timeout.Token);

        var seeder = await app.ResourceNotifications.WaitForResourceAsync(
            "seeder", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);

        Assert.NotEqual(0, seeder.Snapshot.ExitCode);
        Assert.True(app.ResourceNotifications.TryGetCurrentState("api", out var api));
        Assert.NotEqual(KnownResourceStates.Running, api.Snapshot.State?.Text);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
