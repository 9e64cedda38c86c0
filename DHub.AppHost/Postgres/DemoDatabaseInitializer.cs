using DHub.Hosting.Postgres.InitScripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace DHub.AppHost.Postgres;

/// <summary>
/// Applies the init scripts of the missing databases to a Local or External server, then marks the
/// database resources Running (or FailedToStart, which makes everything waiting on them fail fast).
/// </summary>
public static class DemoDatabaseInitializer
{
    // An External server may still be booting (or a VPN connecting) when the AppHost starts.
    private static readonly ResiliencePipeline ServerReachable = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(ex => ex.IsTransient).Handle<TimeoutException>(),
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(10),
            MaxRetryAttempts = 8,
        })
        .Build();

    public static async Task InitializeAsync(
        IResourceWithConnectionString server,
        IReadOnlyList<DemoDatabaseResource> databases,
        string scriptDirectory,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);

        try
        {
            var scripts = InitScriptCatalog.Load(scriptDirectory);
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The connection string of '{server.Name}' is not set.");
            var runner = new InitScriptRunner(services.GetRequiredService<ILoggerFactory>().CreateLogger<InitScriptRunner>());

            var created = await ServerReachable.ExecuteAsync(
                async ct => await runner.ApplyMissingAsync(connectionString, scripts, ct), cancellationToken);
            logger.LogInformation("Init scripts: created {Created}; {Existing} already existed",
                created.Count == 0 ? "none" : string.Join(", ", created), scripts.Count - created.Count);

            foreach (var database in databases)
            {
                await notifications.PublishUpdateAsync(database, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Could not prepare the demo databases: {Reason}", ex.Message);
            foreach (var database in databases)
            {
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
            }
        }
    }
}
