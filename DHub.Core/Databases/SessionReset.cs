using System.Data;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// Ends a connection's session state (advisory locks, settings, prepared statements, temporary
/// tables) before the connection goes back to the pool. Npgsql resets pooled connections too, but
/// only on their next use: until then an advisory lock taken by user SQL would stay held.
/// </summary>
/// <remarks>
/// Declare it after the connection and before the transaction, so that <c>await using</c> disposes
/// the transaction first: <c>DISCARD ALL</c> cannot run inside one.
/// </remarks>
public sealed class SessionReset(NpgsqlConnection connection) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (connection.FullState != ConnectionState.Open)
        {
            return; // A broken connection is not pooled, and its session ended with it.
        }

        try
        {
            await using var discard = new NpgsqlCommand("DISCARD ALL", connection);
            await discard.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke while resetting, so it will not be pooled either.
        }
    }
}
