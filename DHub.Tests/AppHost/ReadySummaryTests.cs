using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using DHub.AppHost;
using DHub.AppHost.Postgres;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.Tests.AppHost;

/// <summary>The AppHost's console after seeding: what was written, where the API is, how to connect, and no password.</summary>
[Integration]
public sealed partial class ReadySummaryTests
{
    [Fact]
    public async Task A_completed_seed_prints_the_rows_the_api_and_a_dhub_command_line_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        var (app, logs) = await StartAsync("DHub:Seed:Scale=0.01");
        await using (app)
        {
            var summary = await WaitForSummaryAsync(logs, ct);

            var server = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(DemoPostgresBuilderExtensions.ServerName, ct));
            var api = app.GetEndpoint("api", "http").ToString().TrimEnd('/');
            Assert.True(long.Parse(RowsWritten().Match(summary).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0, summary);
            Assert.Contains($"{api}/scalar", summary, StringComparison.Ordinal);
            Assert.Contains($"--connection \"Host={server.Host};Port={server.Port};Username={server.Username};Password={ReadySummary.PasswordPlaceholder}\"", summary, StringComparison.Ordinal);
            Assert.Contains(DemoPostgresBuilderExtensions.PasswordParameterName, summary, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(server.Password));
            Assert.DoesNotContain(logs.Collector.Lines(), line => line.Contains(server.Password, StringComparison.Ordinal));
            await app.StopAsync(ct);
        }
    }

    [Fact]
    public async Task A_failed_seed_prints_one_line_saying_where_to_look()
    {
        var ct = TestContext.Current.CancellationToken;
        // A scale the seeder rejects: it exits non-zero at once.
        var (app, logs) = await StartAsync("DHub:Seed:Scale=-1");
        await using (app)
        {
            var line = await WaitForLineAsync(logs, ReadySummaryExtensions.LoggerCategory, ct);

            // Any non-zero code: which one belongs to the seeder.
            Assert.Matches($@"^Error {Regex.Escape(ReadySummaryExtensions.LoggerCategory)}: Seeding failed \(exit code [1-9]\d*\): the seeder's console log in the dashboard says why", line);
            Assert.DoesNotContain('\n', line.TrimEnd());
            await app.StopAsync(ct);
        }
    }

    private static async Task<(DistributedApplication App, FakeLoggerProvider Logs)> StartAsync(string seedSetting)
    {
        var logs = new FakeLoggerProvider();
        var builder = await AppHostFactory.CreateAsync("DHub:Postgres:Mode=Local", seedSetting);
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        await app.StartAsync(timeout.Token);
        return (app, logs);
    }

    /// <summary>The summary's text, without the capturing provider's level, category and structured values.</summary>
    private static async Task<string> WaitForSummaryAsync(FakeLoggerProvider logs, CancellationToken cancellationToken)
    {
        var line = await WaitForLineAsync(logs, ReadySummaryExtensions.LoggerCategory, cancellationToken);
        Assert.StartsWith($"Information {ReadySummaryExtensions.LoggerCategory}: DHub is ready", line, StringComparison.Ordinal);
        return line[..line.IndexOf(" [Summary=", StringComparison.Ordinal)];
    }

    private static async Task<string> WaitForLineAsync(FakeLoggerProvider logs, string category, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        while (true)
        {
            if (logs.Collector.Lines().FirstOrDefault(l => l.Contains($" {category}: ", StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    [GeneratedRegex(@"seeded ([\d,]+) rows in")]
    private static partial Regex RowsWritten();
}
