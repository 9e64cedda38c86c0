using DHub.Core.Databases;

namespace DHub.Seeder;

/// <summary>
/// Runs once and stops the host. The exit code is what the AppHost (and <c>WaitForCompletion</c>)
/// sees: 0 lets the API start, anything else keeps it from starting.
/// </summary>
public sealed partial class SeedWorker(
    DatabaseInventory inventory,
    IHostApplicationLifetime lifetime,
    ILogger<SeedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var unreachable = 0;
            foreach (var database in DemoDatabases.All)
            {
                var summary = await inventory.SummarizeAsync(database, stoppingToken);
                if (!summary.Reachable)
                {
                    unreachable++;
                    LogUnreachable(database, summary.Error);
                    continue;
                }

                LogReachable(database, summary.TableCount);
            }

            Environment.ExitCode = unreachable == 0 ? 0 : 1;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is reachable with {TableCount} tables")]
    private partial void LogReachable(string database, int tableCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database {Database} is unreachable: {Reason}")]
    private partial void LogUnreachable(string database, string? reason);
}
