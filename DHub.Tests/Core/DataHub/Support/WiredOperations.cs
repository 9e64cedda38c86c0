using DHub.Core.Hosting;
using DHub.Core.DataHub.Operations;
using DHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>
/// <see cref="DataHubOperations"/> wired as a host wires them (AddDHubDatabases + AddDataHub),
/// against the fixture's databases and a stand-in GMS. Disposing it stops all three.
/// </summary>
public sealed class WiredOperations : IAsyncDisposable
{
    private WiredOperations(StandInGms gms, GmsClientFactory factory, LiveDatabases live)
    {
        Gms = gms;
        Factory = factory;
        Live = live;
        Operations = factory.Services.GetRequiredService<DataHubOperations>();
    }

    public StandInGms Gms { get; }

    /// <summary>The service provider, and the log lines it captured.</summary>
    public GmsClientFactory Factory { get; }

    public LiveDatabases Live { get; }

    public DataHubOperations Operations { get; }

    public static async Task<WiredOperations> StartAsync(LocalAppFixture fixture)
    {
        var gms = await StandInGms.StartAsync();
        try
        {
            var live = await LiveDatabases.OpenAsync(fixture);
            var factory = new GmsClientFactory(gms.Url, configure: services =>
            {
                services.AddDHubDatabases(_ => live.Source).AddDataHub();
            });
            return new WiredOperations(gms, factory, live);
        }
        catch
        {
            await gms.DisposeAsync();
            throw;
        }
    }

    /// <summary>In the reverse order of starting: the operations go before the databases and the GMS they use.</summary>
    public async ValueTask DisposeAsync()
    {
        await Live.DisposeAsync();
        await Factory.DisposeAsync();
        await Gms.DisposeAsync();
    }
}
