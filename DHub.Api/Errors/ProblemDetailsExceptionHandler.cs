using System.Net.Sockets;
using DHub.Core.Databases;
using DHub.Core.DataHub.Gms;
using DHub.Core.DataHub.Metadata;
using DHub.Core.Seeding;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace DHub.Api.Errors;

/// <summary>
/// Turns the domain's exceptions into ProblemDetails with the right status: bad input is a 4xx,
/// an unreachable database a 503, a read of our own over its statement timeout a 504, and nothing
/// a user sends can produce a 500.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            UnknownDatabaseException unknown => (StatusCodes.Status404NotFound, "Unknown database", unknown.Message),
            QueryFailedException { Failure: QueryFailure.Timeout } query => (StatusCodes.Status408RequestTimeout, "Query timed out", query.Message),
            QueryFailedException { Failure: QueryFailure.WriteNotAllowed or QueryFailure.PermissionDenied } query => (StatusCodes.Status403Forbidden, "Query not allowed", query.Message),
            QueryFailedException { Failure: QueryFailure.ResultTooLarge } query => (StatusCodes.Status413PayloadTooLarge, "Result too large", query.Message),
            QueryFailedException { Failure: QueryFailure.UnrepresentableValue } query => (StatusCodes.Status422UnprocessableEntity, "Value cannot be returned", query.Message),
            QueryFailedException query => (StatusCodes.Status400BadRequest, "Invalid query", query.Message),
            InvalidSeedOptionsException invalid => (StatusCodes.Status400BadRequest, "Invalid seed options", invalid.Message),
            SeedAlreadyRunningException busy => (StatusCodes.Status409Conflict, "Seeding in progress", busy.Message),
            DataHubGmsException gms => (StatusCodes.Status502BadGateway, "DataHub GMS error", gms.Message),
            MetadataValidationException invalid => (StatusCodes.Status409Conflict, "Metadata does not match the databases", invalid.Message),
            // The server answered but not in time: not the client's fault (no 4xx), and not "unreachable".
            DatabaseTimeoutException timeout => (StatusCodes.Status504GatewayTimeout, "Database timed out", timeout.Message),
            NpgsqlException or SocketException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                "PostgreSQL is not reachable right now; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "An unexpected error occurred."),
        };

        if (status >= 500)
        {
            LogServerError(exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed with {ExceptionType}: {Reason}")]
    private partial void LogServerError(string exceptionType, string reason);
}
