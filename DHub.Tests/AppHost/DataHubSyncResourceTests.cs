using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost;
using DHub.Cli;
using DHub.Cli.Connection;
using DHub.Hosting.Postgres;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.AppHost;

/// <summary>
/// The <c>datahub-sync</c> resource is the CLI's <c>datahub emit</c>: when publishing fails, the
/// dashboard must show it as a failure (a non-zero exit code), not as a sync that completed.
/// </summary>
[Integration]
public sealed class DataHubSyncResourceTests
{
    [Fact]
    public async Task A_gms_that_cannot_be_reached_ends_datahub_sync_with_a_non_zero_exit_code()
    {
        // Nothing listens on a port just found free.
        var gms = $"http://127.0.0.1:{LoopbackPort.FindFree()}";
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0.01", $"{DataHubSyncExtensions.GmsUrlKey}={gms}");
        var sync = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == DataHubSyncExtensions.ResourceName);
        builder.CreateResourceBuilder(sync).WithEnvironment(GmsSettings.RetryDelayVariable, "10");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await app.StartAsync(timeout.Token);

        var seeder = await app.ResourceNotifications.WaitForResourceAsync(
            "seeder", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        Assert.Equal(0, seeder.Snapshot.ExitCode);
        var ended = await app.ResourceNotifications.WaitForResourceAsync(
            DataHubSyncExtensions.ResourceName, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);

        Assert.Equal(ExitCodes.CannotConnect, ended.Snapshot.ExitCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
