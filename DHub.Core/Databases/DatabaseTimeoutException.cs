namespace DHub.Core.Databases;

/// <summary>
/// A read of DHub's own (not a user's statement) exceeded its statement timeout and the server
/// cancelled it. The server is reachable; it is busy, or a lock held elsewhere made the read wait.
/// <see cref="Exception.Message"/> is one line for the user.
/// </summary>
public sealed class DatabaseTimeoutException(string database, TimeSpan timeout, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Database { get; } = database;

    public TimeSpan Timeout { get; } = timeout;
}
