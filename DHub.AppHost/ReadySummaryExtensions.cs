using DHub.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DHub.AppHost;

/// <summary>
/// Prints a <see cref="ReadySummary"/> on the AppHost's console each time the seeder completes, or one
/// line saying where to look when it fails. The rows and duration come from the run's record in
/// <c>dhub.seed_runs</c> (plain SQL, no DHub.Core types): the database is the source of truth, where the
/// seeder's log wording may change.
/// </summary>
public static partial class ReadySummaryExtensions
{
    /// <summary>The logger category of the summary: it must reach the console at the default Information level.</summary>
    public const string LoggerCategory = "DHub.AppHost.Ready";

    private const string LatestSeedSql = """
        SELECT duration_ms, (SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(row_counts))
        FROM dhub.seed_runs WHERE kind = 'seed' ORDER BY started_at DESC LIMIT 1
        """;

    public static IDistributedApplicationBuilder AddReadySummary(
        this IDistributedApplicationBuilder builder, DemoPostgres postgres, IResourceBuilder<ProjectResource> seeder, IResourceBuilder<ProjectResource> api)
    {
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            _ = Task.Run(() => WatchSeederAsync(notifications, postgres, seeder.Resource, api.Resource, logger, stopping), stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task WatchSeederAsync(
        ResourceNotificationService notifications, DemoPostgres postgres, ProjectResource seeder, ProjectResource api, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var wasTerminal = false;
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (update.Resource != seeder)
                {
                    continue;
                }

                var isTerminal = KnownResourceStates.TerminalStates.Contains(update.Snapshot.State?.Text);
                if (isTerminal && !wasTerminal)
                {
                    await ReportAsync(update.Snapshot.ExitCode, postgres, api, logger, cancellationToken);
                }

                wasTerminal = isTerminal;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task ReportAsync(int? exitCode, DemoPostgres postgres, ProjectResource api, ILogger logger, CancellationToken cancellationToken)
    {
        if (exitCode != 0)
        {
            LogSeedFailed(logger, exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            return;
        }

        try
        {
            var summary = await ReadAsync(postgres, api, cancellationToken);
            LogReady(logger, summary.Format());
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Message only: a connection error names host and user, never the password.
            LogSummaryUnavailable(logger, ex.Message);
        }
    }

    private static async Task<ReadySummary> ReadAsync(DemoPostgres postgres, ProjectResource api, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(await postgres.Server.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var database = postgres.Databases[0].Resource.Resource;
        await using var connection = new NpgsqlConnection(await database.ConnectionStringExpression.GetValueAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(LatestSeedSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"{postgres.Databases[0].DatabaseName} has no record of the seed in dhub.seed_runs.");
        }

        var endpoint = api.GetEndpoint("http");
        return new ReadySummary(
            reader.GetInt64(1),
            TimeSpan.FromMilliseconds(reader.GetInt64(0)),
            endpoint.IsAllocated ? new Uri(endpoint.Url) : null,
            server.Host ?? "localhost",
            server.Port,
            server.Username ?? "postgres",
            postgres.Mode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogReady(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding failed (exit code {ExitCode}): the seeder's console log in the dashboard says why; the API starts after a successful Re-seed.")]
    private static partial void LogSeedFailed(ILogger logger, string exitCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The seeder finished, but its summary could not be read: {Reason}")]
    private static partial void LogSummaryUnavailable(ILogger logger, string reason);
}
