using DHub.Core.Seeding;

namespace DHub.Tests.Infrastructure;

/// <summary>
/// A real seed of the fixture's databases (scale 0.1, as the fixture seeded them), run in the test
/// process and held still once it has loaded a number of tables: it holds the seeding lock and every
/// demo table, as a seed does until its commit, for as long as the test needs.
/// </summary>
public sealed class HeldSeed : IAsyncDisposable
{
    private readonly SeedOperationsScope _scope;
    private readonly SemaphoreSlim _holding = new(0);
    private readonly SemaphoreSlim _release = new(0);
    private readonly List<SeedProgress> _loaded = [];
    private Task<SeedRun>? _running;

    private HeldSeed(SeedOperationsScope scope) => _scope = scope;

    /// <summary>The tables loaded before the hold, in order.</summary>
    public IReadOnlyList<SeedProgress> Loaded => _loaded;

    /// <summary>Starts the seed and returns once it has loaded <paramref name="tables"/> tables and stopped.</summary>
    public static async Task<HeldSeed> StartAsync(LocalAppFixture fixture, int tables)
    {
        var held = new HeldSeed(await fixture.CreateOperationsAsync());
        var progress = new InlineProgress<SeedProgress>(p =>
        {
            if (p.Step == SeedStep.TableLoaded && held._loaded.Count < tables)
            {
                held._loaded.Add(p);
                if (held._loaded.Count == tables)
                {
                    held._holding.Release();
                    held._release.Wait(TimeSpan.FromMinutes(2));
                }
            }
        });

        held._running = Task.Run(() => held._scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, progress, TestContext.Current.CancellationToken));
        var holding = held._holding.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        if (await Task.WhenAny(holding, held._running) == held._running)
        {
            await held._running; // a failed start throws here
        }

        return await holding ? held : throw new TimeoutException($"The seed did not reach its hold after {tables} tables.");
    }

    /// <summary>Lets the seed go on and returns its run once it has committed.</summary>
    public async Task<SeedRun> FinishAsync()
    {
        _release.Release();
        return await _running!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_release.CurrentCount == 0 && _running is { IsCompleted: false })
        {
            _release.Release();
        }

        try
        {
            if (_running is not null)
            {
                await _running;
            }
        }
        finally
        {
            await _scope.DisposeAsync();
            _holding.Dispose();
            _release.Dispose();
        }
    }
}
