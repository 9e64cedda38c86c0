using System.Collections.Concurrent;
using DHub.Core.Seeding;

namespace DHub.Api.Seeding;

/// <summary>
/// Starts seed runs in the background and remembers them so clients can poll. One run at a time
/// per API process; the pipeline's advisory lock also stops runs from other processes.
/// </summary>
public sealed partial class SeedRunCoordinator(
    SeedOperations operations,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SeedRunCoordinator> logger)
{
    private readonly ConcurrentDictionary<Guid, SeedRunState> _runs = new();
    private readonly Lock _gate = new();
    private SeedRunState? _active;

    public bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _active is { IsActive: true };
            }
        }
    }

    /// <exception cref="InvalidSeedOptionsException">The options are invalid; nothing started.</exception>
    /// <exception cref="SeedAlreadyRunningException">A run is already active.</exception>
    public SeedRunState Start(SeedOptions options)
    {
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidSeedOptionsException(problems);
        }

        SeedRunState run;
        lock (_gate)
        {
            if (_active is { IsActive: true })
            {
                throw new SeedAlreadyRunningException();
            }

            run = new SeedRunState(Guid.NewGuid(), options, time.GetUtcNow());
            _active = run;
            _runs[run.Id] = run;
        }

        _ = Task.Run(() => RunAsync(run));
        return run;
    }

    public SeedRunState? Find(Guid id) => _runs.GetValueOrDefault(id);

    private async Task RunAsync(SeedRunState run)
    {
        try
        {
            await operations.SeedAsync(run.Options, new Progress(run), lifetime.ApplicationStopping);
            run.Succeed(time.GetUtcNow());
        }
        catch (Exception ex) when (ex is SeedException or OperationCanceledException)
        {
            LogRunFailed(run.Id, ex.Message);
            run.Fail(ex.Message, time.GetUtcNow());
        }
#pragma warning disable CA1031 // Nothing awaits this task: anything left to escape would leave the run "running" for good and the API refusing every later run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A bug, not the caller's doing: the log gets the stack trace, the client a message without internals.
            LogRunCrashed(ex, run.Id, ex.GetType().Name);
            run.Fail($"Seeding failed on an unexpected {ex.GetType().Name}, a bug in DHub; the API's log has the details.", time.GetUtcNow());
        }
    }

    // Progress<T> would post to the thread pool and could reorder updates; apply them in order instead.
    private sealed class Progress(SeedRunState run) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => run.Report(value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed run {RunId} failed on an unexpected {ExceptionType}: a bug in DHub, not a problem of the request or the databases")]
    private partial void LogRunCrashed(Exception exception, Guid runId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed run {RunId} failed: {Reason}")]
    private partial void LogRunFailed(Guid runId, string reason);
}
