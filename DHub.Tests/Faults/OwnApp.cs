using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using DHub.AppHost.Postgres;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Tests.Faults;

/// <summary>
/// An AppHost of the test's own in Local mode, for faults the shared fixture must not suffer
/// (a killed or stopped server). Keeps every resource's console log from the first line on.
/// </summary>
internal sealed class OwnApp : IAsyncDisposable
{
    public const string ApiKey = "fault-tests-api-key-0123456789";

    private readonly CancellationTokenSource _stopWatching = new();
    private readonly CancellationTokenSource _startTimeout = CreateStartTimeout();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<LogLine>> _logs = new(StringComparer.Ordinal);
    private readonly List<Task> _watchers = [];

    private OwnApp(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    public LocalPostgresCluster Cluster => AppHostFactory.LocalClusterOf(App);

    /// <summary>The six connection strings as the services receive them, keyed by database.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// <see cref="DistributedApplication.StartAsync"/> of this app. It only completes once every
    /// resource has started or failed, which includes the API waiting for the seeder to finish.
    /// </summary>
    public Task Starting { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Builds and starts the app; returns as soon as the six databases are healthy, while the seeder
    /// may still be loading (so a test can strike mid-seed). Await <see cref="Starting"/> for the rest.
    /// </summary>
    public static async Task<OwnApp> StartAsync(params string[] settings)
    {
        var builder = await AppHostFactory.CreateAsync(["DHub:Postgres:Mode=Local", $"Parameters:api-key={ApiKey}", .. settings]);
        var app = await builder.BuildAsync(FaultSupport.Token);
        var own = new OwnApp(app);
        try
        {
            // Watch before starting, so no line of a run is missed.
            own.WatchLogs("postgres", "seeder", "api");

            var timeout = own._startTimeout.Token;
            own.Starting = app.StartAsync(timeout);
            var healthy = Task.WhenAll(DemoDatabases.All.Select(database =>
                app.ResourceNotifications.WaitForResourceHealthyAsync(DemoDatabaseNames.ResourceName(database), timeout)));
            if (await Task.WhenAny(healthy, own.Starting) == own.Starting)
            {
                await own.Starting; // a failed start throws here rather than after the whole timeout
            }

            await healthy;

            // From the model: the testing helper GetConnectionStringAsync insists on a completed start.
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var database in DemoDatabases.All)
            {
                var resource = model.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == DemoDatabaseNames.ResourceName(database));
                connectionStrings[database] = await resource.ConnectionStringExpression.GetValueAsync(timeout)
                    ?? throw new InvalidOperationException($"No connection string for {database}.");
            }

            own.ConnectionStrings = connectionStrings;
            return own;
        }
        catch
        {
            await own.DisposeAsync();
            throw;
        }
    }

    private static CancellationTokenSource CreateStartTimeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(FaultSupport.Token);
        timeout.CancelAfter(AppHostFactory.StartTimeout);
        return timeout;
    }

    /// <summary>Console lines of a resource so far (stdout and stderr, in order).</summary>
    public IReadOnlyList<LogLine> LogsOf(string resource) => _logs.TryGetValue(resource, out var lines) ? [.. lines] : [];

    public string LogTextOf(string resource) => string.Join('\n', LogsOf(resource).Select(l => l.Content));

    public ResourceEvent CurrentState(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state : throw new InvalidOperationException($"No state for {resource}.");

    public Task<ResourceEvent> WaitForTerminalAsync(string resource, TimeSpan deadline) =>
        WaitForAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), deadline);

    public async Task<ResourceEvent> WaitForAsync(string resource, Func<ResourceEvent, bool> predicate, TimeSpan deadline)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(FaultSupport.Token);
        timeout.CancelAfter(deadline);
        try
        {
            return await App.ResourceNotifications.WaitForResourceAsync(resource, predicate, timeout.Token);
        }
        catch (OperationCanceledException) when (!FaultSupport.Token.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for {resource}; it is {CurrentState(resource).Snapshot.State?.Text}.");
        }
    }

    /// <summary>
    /// Runs <paramref name="trigger"/> (which restarts <paramref name="resource"/>) and returns the
    /// terminal state of that new run, never the previous run's.
    /// </summary>
    public async Task<ResourceEvent> RunAgainAsync(string resource, Func<Task> trigger, TimeSpan deadline)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(FaultSupport.Token);
        timeout.CancelAfter(deadline);
        var restarted = new TaskCompletionSource();
        var finished = Task.Run(async () =>
        {
            var seenRunning = false;
            await foreach (var e in App.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (e.Resource.Name != resource)
                {
                    continue;
                }

                var terminal = KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text);
                if (!terminal)
                {
                    seenRunning = true;
                    restarted.TrySetResult();
                }
                else if (seenRunning)
                {
                    return e;
                }
            }

            throw new TimeoutException($"{resource} did not finish its new run.");
        }, timeout.Token);

        await trigger();
        try
        {
            return await finished;
        }
        catch (OperationCanceledException) when (!FaultSupport.Token.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0} s waiting for a new run of {resource} to finish; it is {CurrentState(resource).Snapshot.State?.Text}.");
        }
    }

    /// <summary>DHub.Core's seed operations in the test process, against this app's server.</summary>
    public SeedOperationsScope CreateOperations(string applicationName, Microsoft.Extensions.Logging.ILogger<SeedOperations>? logger = null) =>
        SeedOperationsScope.Create(DatabaseConnections.FromConnectionStrings(FaultSupport.WithApplicationName(ConnectionStrings, applicationName)), logger);

    /// <summary>
    /// Resource logs are kept per DCP instance (e.g. <c>seeder-abcd1234</c>), not per model name:
    /// follow the instances of each named resource as they appear and merge their lines.
    /// </summary>
    private void WatchLogs(params string[] resources)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        var watched = new HashSet<string>(StringComparer.Ordinal);
        _watchers.Add(Task.Run(async () =>
        {
            try
            {
                await foreach (var e in App.ResourceNotifications.WatchAsync(_stopWatching.Token))
                {
                    if (!resources.Contains(e.Resource.Name) || !watched.Add(e.ResourceId))
                    {
                        continue;
                    }

                    var lines = _logs.GetOrAdd(e.Resource.Name, _ => new ConcurrentQueue<LogLine>());
                    var instance = e.ResourceId;
                    lock (_watchers)
                    {
                        _watchers.Add(Task.Run(async () =>
                        {
                            try
                            {
                                await foreach (var batch in logs.WatchAsync(instance).WithCancellation(_stopWatching.Token))
                                {
                                    foreach (var line in batch)
                                    {
                                        lines.Enqueue(line);
                                    }
                                }
                            }
                            catch (OperationCanceledException)
                            {
                                // The test is done with this app.
                            }
                        }));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is done with this app.
            }
        }));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            try
            {
                await Starting;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A start cut short by a failed test; the stop below is what matters now.
            }

            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            _startTimeout.Dispose();
            await _stopWatching.CancelAsync();
            Task[] watchers;
            lock (_watchers)
            {
                watchers = [.. _watchers];
            }

            await Task.WhenAll(watchers);
            _stopWatching.Dispose();
            await App.DisposeAsync();
        }
    }
}
