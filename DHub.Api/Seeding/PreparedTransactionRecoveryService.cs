using System.Net.Sockets;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Api.Seeding;

/// <summary>
/// At the API's start, finishes the prepared transactions a crashed seed or clear left, which
/// otherwise keep demo tables locked until the next run. Runs in the background so the API starts
/// even while PostgreSQL is down, and tries again until one pass succeeds. A run that holds the
/// seeding lock is left alone: it recovered at its own start, and what is prepared may be its commit.
/// </summary>
public sealed partial class PreparedTransactionRecoveryService(
    DatabaseConnections connections,
    TimeProvider time,
    ILogger<PreparedTransactionRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (true)
        {
            try
            {
                if (await PreparedTransactionRecovery.RecoverUnlessRunningAsync(connections, logger, stoppingToken) is { } recovered)
                {
                    LogRecoveryDone(recovered);
                    return;
                }

                LogRunHoldsLock(delay.TotalSeconds);
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
            {
                LogRecoveryFailed(delay.TotalSeconds, ex.Message);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = delay * 2 < LastRetry ? delay * 2 : LastRetry;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A seed or clear holds the seeding lock; looking for prepared transactions to recover again in {DelaySeconds} s")]
    private partial void LogRunHoldsLock(double delaySeconds);

    // Tells an operator that the start-up check is over, and how much it found.
    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up recovery of prepared transactions done: {Count} recovered")]
    private partial void LogRecoveryDone(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not recover prepared transactions ({Reason}); trying again in {DelaySeconds} s")]
    private partial void LogRecoveryFailed(double delaySeconds, string reason);
}
