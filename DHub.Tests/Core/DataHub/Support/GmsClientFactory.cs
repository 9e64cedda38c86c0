using DHub.Core.DataHub.Gms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace DHub.Tests.Core.DataHub.Support;

/// <summary>
/// Builds the GMS client exactly as hosts do (AddDataHubGmsClient, standard resilience handler) but
/// with millisecond backoff so retry tests run fast.
/// </summary>
public sealed class GmsClientFactory : IAsyncDisposable
{
    public const string FakeToken = "dhub-fake-token-6f0d1c2e9a";

    private readonly ServiceProvider _provider;

    public GmsClientFactory(Uri server, string? token = FakeToken, int maxRetryAttempts = 4, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddDataHubGmsClient(options =>
        {
            options.Server = server;
            options.Token = token;
            options.MaxRetryAttempts = maxRetryAttempts;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.AttemptTimeout = TimeSpan.FromSeconds(10);
            options.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public FakeLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public DataHubGmsClient Create() => _provider.GetRequiredService<DataHubGmsClient>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
