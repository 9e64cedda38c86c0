using DHub.Cli.Connection;
using DHub.Core.DataHub.Gms;

namespace DHub.Cli.Errors;

/// <summary>A failed GMS request as one line and an exit code, with the token scrubbed from library messages.</summary>
public static class GmsFailure
{
    public static CliException Describe(DataHubGmsException exception, GmsSettings gms)
    {
        var server = gms.DisplayServer;
        var (exitCode, message) = exception.Kind switch
        {
            DataHubGmsErrorKind.Unauthorized => (ExitCodes.Failed,
                $"DataHub rejected the token ({exception.StatusCode}): set {GmsSettings.TokenVariable} to a personal access token (GMS at {server})."),
            DataHubGmsErrorKind.NotGms => (ExitCodes.InvalidInput,
                $"{server} looks like the DataHub frontend, not GMS; use the GMS URL (usually port 8080), or the frontend's proxy <frontend>/api/gms."),
            DataHubGmsErrorKind.Unreachable => (ExitCodes.CannotConnect, ErrorReporter.OneLine(exception.Message)),
            _ => (ExitCodes.Failed, ErrorReporter.OneLine(exception.Message)),
        };
        if (gms.Token is { Length: >= 3 } token)
        {
            message = message.Replace(token, "***", StringComparison.Ordinal);
        }

        return new CliException(exitCode, message, exception);
    }
}
