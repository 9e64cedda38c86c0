using System.Data;
using Npgsql;

namespace DHub.Core.Databases;

/// <summary>
/// Ends a connection's session state (advisory locks, settings, cursors, listens, temporary
/// tables) before the connection goes back to the pool. Npgsql resets pooled connections too, but
/// only on their next use: until then an advisory lock taken by user SQL would stay held.
/// </summary>
/// <remarks>
/// Declare it after the connection and before the transaction, so that <c>await using</c> disposes
/// the transaction first. The statements are <c>DISCARD ALL</c> without <c>DEALLOCATE ALL</c>, as
/// Npgsql's own reset when it has prepared statements: deallocating them behind its back would
/// break the connection's next prepared command.
/// </remarks>
public sealed class SessionReset(NpgsqlConnection connection) : IAsyncDisposable
{
    private const string ResetSql = "CLOSE ALL; RESET ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES";

    public async ValueTask DisposeAsync()
    {
        if (connection.FullState != ConnectionState.Open)
        {
            return; // A broken connection is not pooled, and its session ended with it.
        }

        try
        {
            await using var discard = new NpgsqlCommand(ResetSql, connection);
            await discard.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException) when (connection.FullState != ConnectionState.Open)
        {
            // The connection broke while resetting (or the server ended it), so it will not be pooled
            // either. An error on a live connection is not swallowed: the session would go back to
            // the pool with whatever it still holds.
        }
    }
}
