using DHub.AppHost;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DHub.Tests.AppHost;

/// <summary>Ctrl-C is a stop, not an error: once the AppHost stops, the dashboard's relayed lines are dropped.</summary>
[Integration]
public sealed class QuietStopTests
{
    [Fact]
    public async Task Dashboard_lines_reach_the_console_until_the_stop_begins_and_not_after()
    {
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Local");
        using var console = new FakeLoggerProvider();
        builder.Services.AddLogging(logging => logging.AddProvider(console));
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var dashboardClient = loggers.CreateLogger($"{QuietStopExtensions.DashboardCategoryPrefix}.ServiceClient.DashboardClient");
        var ours = loggers.CreateLogger("DHub.AppHost.Ready");

        dashboardClient.LogError("while running");
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        dashboardClient.LogError("while stopping");
        ours.LogError("ours while stopping");

        var lines = console.Collector.Lines();
        Assert.Contains(lines, line => line.Contains("while running", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(": while stopping", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("ours while stopping", StringComparison.Ordinal));
    }
}
