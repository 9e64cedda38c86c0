namespace DHub.Cli.Connection;

/// <summary>
/// The server to talk to and where that choice came from. <see cref="ConnectionString"/> and
/// <see cref="Password"/> are secrets: they are used to connect and to scrub messages, never printed.
/// </summary>
/// <param name="Source">Which settings were used, for error messages, e.g. "--connection" or "POSTGRES_HOST from the environment, others defaults".</param>
/// <param name="DefaultQueryDatabase">The database of <c>db query</c> without <c>-d</c>.</param>
public sealed record ConnectionSettings(
    string ConnectionString,
    string Host,
    int Port,
    string? Username,
    string? Password,
    string Source,
    string DefaultQueryDatabase)
{
    public string Server => $"{Host}:{Port}";
}
