using System.Globalization;
using DHub.Cli.Errors;
using DHub.Core.DataHub.Gms;

namespace DHub.Cli.Connection;

/// <summary>
/// Where DataHub GMS is and how to reach it, resolved once per command: <c>--gms</c>/<c>--token</c>,
/// else the environment (and <c>.env</c>), else DataHubGmsOptions' defaults. The token is a secret.
/// </summary>
/// <param name="RetryDelay">The first retry delay; null keeps DataHubGmsOptions' default (2 s).</param>
/// <param name="SystemClient">GMS's system client id and secret, sent when no token is given.</param>
public sealed record GmsSettings(Uri Server, string? Token, TimeSpan? RetryDelay, (string Id, string Secret)? SystemClient = null)
{
    public const string GmsUrlVariable = "DATAHUB_GMS_URL";
    public const string TokenVariable = "DATAHUB_TOKEN";
    public const string SystemClientIdVariable = "DATAHUB_SYSTEM_CLIENT_ID";
    public const string SystemClientSecretVariable = "DATAHUB_SYSTEM_CLIENT_SECRET";

    /// <summary>First retry delay of GMS requests in milliseconds: a GMS that cannot be reached should fail in a moment, not after half a minute of backoff, where that is wanted (the test suite, a dashboard resource).</summary>
    public const string RetryDelayVariable = "DHUB_GMS_RETRY_DELAY_MS";

    /// <summary>The server without user info, for messages.</summary>
    public string DisplayServer => new UriBuilder(Server) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');

    /// <exception cref="CliException">The URL given or set is not an http(s) URL (exit code 2).</exception>
    public static GmsSettings Resolve(string? serverOption, string? tokenOption, CliEnvironment environment)
    {
        var server = serverOption is { Length: > 0 } given ? ParseUrl(given, "--gms")
            : environment.Get(GmsUrlVariable) is { } variable ? ParseUrl(variable.Value, GmsUrlVariable)
            : new Uri(DataHubGmsOptions.DefaultServer);
        var token = tokenOption is { Length: > 0 } option ? option : environment.Get(TokenVariable)?.Value;
        var retryDelay = environment.Get(RetryDelayVariable) is { } delay
            && int.TryParse(delay.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : (TimeSpan?)null;
        var systemClient = environment.Get(SystemClientIdVariable)?.Value is { Length: > 0 } id
            && environment.Get(SystemClientSecretVariable)?.Value is { Length: > 0 } secret
            ? (id, secret)
            : ((string Id, string Secret)?)null;
        return new GmsSettings(server, string.IsNullOrEmpty(token) ? null : token, retryDelay, systemClient);
    }

    /// <exception cref="CliException">Not an http(s) URL (exit code 2); the message names <paramref name="source"/>.</exception>
    public static Uri ParseUrl(string value, string source) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CliException.InvalidInput($"{source} must be an http(s) URL such as {DataHubGmsOptions.DefaultServer}; got '{value}'.");

    public void ApplyTo(DataHubGmsOptions options)
    {
        options.Server = Server;
        options.Token = Token;
        options.SystemClientId = SystemClient?.Id;
        options.SystemClientSecret = SystemClient?.Secret;
        if (RetryDelay is { } value)
        {
            options.RetryBaseDelay = value;
        }
    }
}
