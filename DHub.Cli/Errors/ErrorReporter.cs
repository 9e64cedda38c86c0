using DHub.Cli.Connection;
using DHub.Core.Databases;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Metadata;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Cli.Errors;

/// <summary>
/// Turns any exception that ends a command into one line on stderr and an exit code. The stack
/// trace is for <c>--verbose</c> only: users act on the message, maintainers ask for the trace.
/// </summary>
public sealed class ErrorReporter(TextWriter error, bool verbose)
{
    public int Report(Exception exception, ConnectionSettings? settings)
    {
        var (exitCode, message) = Describe(exception, settings);
        error.WriteLine($"error: {Redact(message, settings)}");
        if (verbose)
        {
            error.WriteLine(Redact(exception.ToString(), settings));
        }

        return exitCode;
    }

    public static (int ExitCode, string Message) Describe(Exception exception, ConnectionSettings? settings)
    {
        if (exception is CliException cli)
        {
            return (cli.ExitCode, cli.Message);
        }

        if (exception is OperationCanceledException)
        {
            return (ExitCodes.Cancelled, "Cancelled.");
        }

        var server = settings is null ? "the server" : $"PostgreSQL at {settings.Server}";
        var source = settings is null ? "" : $" Settings from {settings.Source}.";
        if (ConnectionFailure.Unreachable(exception) is { } reason)
        {
            return (ExitCodes.CannotConnect, $"Cannot connect to {server}: {reason}.{source}");
        }

        if (ConnectionFailure.LoginRefused(exception) is { } refusal)
        {
            return (ExitCodes.CannotConnect, $"{server} refused the login of user '{settings?.Username}': {refusal.TrimEnd('.')}.{source}");
        }

        return exception switch
        {
            QueryFailedException { Failure: QueryFailure.WriteNotAllowed } =>
                (ExitCodes.InvalidInput, "The statement would write, and queries run read-only: add --write to allow it."),
            QueryFailedException { Failure: QueryFailure.NotAQuery } query =>
                (ExitCodes.InvalidInput, $"{query.Message.TrimEnd('.')}. Add --write to run statements other than queries."),
            QueryFailedException { Failure: QueryFailure.ResultTooLarge } query =>
                (ExitCodes.Failed, $"{query.Message.TrimEnd('.')}, or raise --max-bytes."),
            QueryFailedException { Failure: QueryFailure.InvalidInput or QueryFailure.MultipleStatements } query => (ExitCodes.InvalidInput, query.Message),
            // Class 42 is "syntax error or access rule violation": the SQL text itself is wrong.
            QueryFailedException { Failure: QueryFailure.Sql, InnerException: PostgresException { SqlState: ['4', '2', ..] } } query => (ExitCodes.InvalidInput, query.Message),
            QueryFailedException query => (ExitCodes.Failed, query.Message),
            InvalidSeedOptionsException invalid => (ExitCodes.InvalidInput, invalid.Message),
            SeedException seed => (ExitCodes.Failed, seed.Message),
            DatabaseTimeoutException timeout => (ExitCodes.Failed, timeout.Message),
            UnknownDatabaseException unknown => (ExitCodes.InvalidInput, unknown.Message),
            PostgresException postgres => (ExitCodes.Failed, $"PostgreSQL error {postgres.SqlState}: {postgres.MessageText}"),
            // The catalog's files are the user's input; their errors span lines that name the file and the entry.
            CatalogFileException catalog => (ExitCodes.InvalidInput, OneLine(catalog.Message)),
            MetadataValidationException invalid => (ExitCodes.Failed, OneLine(invalid.Message)),
            NpgsqlException npgsql => (ExitCodes.Failed, $"Database error: {npgsql.Message}"),
            _ => (ExitCodes.Failed, $"Unexpected {exception.GetType().Name}: {FirstLine(exception.Message)} (run with --verbose for details)"),
        };
    }

    /// <summary>
    /// Our own messages never contain the password; this guards against a library message that
    /// might. The stock password "postgres" is no secret and is also a database and user name, so
    /// scrubbing it would only garble messages.
    /// </summary>
    private static string Redact(string text, ConnectionSettings? settings) =>
        settings?.Password is { Length: >= 3 } password && password != ConnectionResolver.DefaultPassword
            ? text.Replace(password, "***", StringComparison.Ordinal)
            : text;

    /// <summary>A message of several lines as one, for the one-line error.</summary>
    public static string OneLine(string text) =>
        string.Join(" ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
