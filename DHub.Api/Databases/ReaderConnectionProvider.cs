using DHub.Core.Databases;

namespace DHub.Api.Databases;

/// <summary>
/// Connections as <c>dhub_reader</c> for user SQL. Enabled on first use rather than at start-up, so
/// the API starts (and reports unhealthy) while PostgreSQL is down and recovers when it returns.
/// </summary>
public sealed class ReaderConnectionProvider(DatabaseConnections owner) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DatabaseConnections? _reader;

    public async Task<DatabaseConnections> GetAsync(CancellationToken cancellationToken)
    {
        if (_reader is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _reader ??= await ReaderRole.EnableAsync(owner, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        _gate.Dispose();
    }
}
