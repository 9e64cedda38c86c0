using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Tests.Faults;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Tests.Seeder;

/// <summary>The seeder as the AppHost runs it: a failed seed exits non-zero and the API never starts.</summary>
[Integration]
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

    /// <summary>
    /// A bug in a generator (not a condition the seeder expects) must end the seeder non-zero too:
    /// a BackgroundService's exception otherwise stops the host with exit code 0, and the API would
    /// start on whatever the databases hold.
    /// </summary>
    [Fact]
    public async Task A_generator_bug_exits_the_seeder_non_zero_keeps_the_api_from_starting_and_loads_nothing()
    {
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Local", "DHub:Seed:Scale=0.01");
        var seederProject = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "seeder");
        builder.CreateResourceBuilder(seederProject).WithEnvironment(BrokenGenerator.StartupHookVariable, BrokenGenerator.HookAssembly);
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await app.StartAsync(timeout.Token);

        var seeder = await app.ResourceNotifications.WaitForResourceAsync(
            "seeder", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);

        Assert.NotNull(seeder.Snapshot.ExitCode);
        Assert.NotEqual(0, seeder.Snapshot.ExitCode);
        Assert.True(app.ResourceNotifications.TryGetCurrentState("api", out var api));
        Assert.NotEqual(KnownResourceStates.Running, api.Snapshot.State?.Text);

        // The databases were empty before the run, and its rollback leaves them so.
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in DemoDatabases.All)
        {
            var resource = model.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == DemoDatabaseNames.ResourceName(database));
            connectionStrings[database] = await resource.ConnectionStringExpression.GetValueAsync(timeout.Token)
                ?? throw new InvalidOperationException($"No connection string for {database}.");
        }

        var after = await DatabaseSnapshot.TakeAsync(connectionStrings);
        Assert.Equal(34, after.Tables.Count);
        Assert.Equal(0, after.TotalRows);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
