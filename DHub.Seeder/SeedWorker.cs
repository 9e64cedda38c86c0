using DHub.Core.Seeding;

namespace DHub.Seeder;

/// <summary>
/// Runs the seed pipeline once (or, in <see cref="SeederMode.Clear"/>, empties the 34 tables) and
/// stops the host. The exit code is what the AppHost (and <c>WaitForCompletion</c>, or the "Clear
/// data" command) sees: 0 lets the API start, anything else keeps it from starting.
/// </summary>
public sealed partial class SeedWorker(
    SeedOperations operations,
    SeederMode mode,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<SeedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var action = mode == SeederMode.Clear ? "Clearing" : "Seeding";
        try
        {
            if (mode == SeederMode.Clear)
            {
                await operations.ClearAsync(stoppingToken);
                LogCleared();
                Environment.ExitCode = 0;
                return;
            }

            var progress = new Progress<SeedProgress>(p =>
            {
                if (p.Step == SeedStep.TableLoaded)
                {
                    LogTableLoaded(p.Database!, p.Table!, p.Rows);
                }
            });
            await operations.SeedAsync(ReadOptions(), progress, stoppingToken);
            Environment.ExitCode = 0;
        }
        catch (SeedException ex)
        {
            // One clear line, no stack trace: these are conditions a user fixes (settings, a busy or broken server).
            LogFailed(ex is SeedFailedException ? ex.Message : $"{action} failed: {ex.Message}");
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogFailed($"{action} failed: it was cancelled. Every database keeps its previous contents.");
            Environment.ExitCode = 1;
        }
#pragma warning disable CA1031 // Whatever else ends the run is a bug; left to escape, it would stop the host with exit code 0.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // With the stack trace: nothing a user can fix, so the maintainer needs to see where it came from.
            LogCrashed(ex, action, ex.GetType().Name);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    /// <exception cref="InvalidSeedOptionsException">A <c>DHub:Seed</c> value is not of its type, e.g. a scale that is no number.</exception>
    private SeedOptions ReadOptions()
    {
        try
        {
            return (configuration.GetSection(SeederSettings.Section).Get<SeederSettings>() ?? new SeederSettings()).ToOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value. Caught here only: from the pipeline, this
            // exception type is a bug (LINQ's "Sequence contains no elements"), and the database's are wrapped.
            throw new InvalidSeedOptionsException([ex.Message]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Rows} rows into {Database}.{Table}")]
    private partial void LogTableLoaded(string database, string table, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared all 34 demo tables")]
    private partial void LogCleared();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Action} failed on an unexpected {ExceptionType}: a bug in DHub, not a problem of the settings or the databases")]
    private partial void LogCrashed(Exception exception, string action, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
    private partial void LogFailed(string reason);
}
