using System.Net.Sockets;
using Npgsql;

namespace DHub.Cli.Errors;

/// <summary>
/// Recognises "the server could not be used at all" among Npgsql's exceptions: nothing answered
/// (refused, unknown host, timeout) or the login was refused. Both get exit code 3 and a message
/// naming the server and where its settings came from, whatever the command was doing.
/// </summary>
public static class ConnectionFailure
{
    // invalid_password, invalid_authorization_specification, cannot_connect_now (starting up or shutting down).
    private static readonly string[] LoginRefusedStates = [PostgresErrorCodes.InvalidPassword, PostgresErrorCodes.InvalidAuthorizationSpecification, PostgresErrorCodes.CannotConnectNow];

    /// <summary>Why the server was unreachable, or null when <paramref name="exception"/> is something else.</summary>
    public static string? Unreachable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException)
            {
                // The server answered; whatever went wrong, it is reachable.
                return null;
            }

            if (current is NpgsqlException && current.InnerException is SocketException socket)
            {
                return socket.Message;
            }

            if (current is NpgsqlException && current.InnerException is TimeoutException)
            {
                return "the connection attempt timed out";
            }
        }

        return null;
    }

    /// <summary>Why the login was refused, or null when it was not.</summary>
    public static string? LoginRefused(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres && LoginRefusedStates.Contains(postgres.SqlState))
            {
                return postgres.MessageText;
            }

            // Npgsql refuses on the client side, with no SQLSTATE, when the server asks for a
            // password and the settings have none (e.g. a --connection without Password=).
            if (current is NpgsqlException { InnerException: null } npgsql and not PostgresException
                && npgsql.Message.StartsWith("No password has been provided", StringComparison.Ordinal))
            {
                return npgsql.Message;
            }
        }

        return null;
    }

    /// <summary>The server as a whole is unusable, as opposed to one statement or one database failing.</summary>
    public static bool IsServerProblem(Exception exception) => Unreachable(exception) is not null || LoginRefused(exception) is not null;
}
