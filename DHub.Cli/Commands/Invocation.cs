using System.CommandLine;
using DHub.Cli.Connection;
using DHub.Cli.Output;

namespace DHub.Cli.Commands;

/// <summary>
/// One run of one command: its parsed values, its output, and the server connection, which is
/// resolved and opened only when the command first asks for it (so <c>version</c> and
/// input validation never need a server).
/// </summary>
public sealed class Invocation(ParseResult parseResult, CliHost host, GlobalOptions global) : IAsyncDisposable
{
    private ServerConnection? _server;

    public bool Json { get; } = parseResult.GetValue(global.Json);

    public bool Verbose { get; } = parseResult.GetValue(global.Verbose);

    public CliOutput Output { get; } = new(host, parseResult.GetValue(global.Json));

    /// <summary>The connection settings once resolved; null before, so errors can name the server when known.</summary>
    public ConnectionSettings? ResolvedSettings { get; private set; }

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parseResult.GetValue(argument);

    public ConnectionSettings ResolveSettings() =>
        ResolvedSettings ??= ConnectionResolver.Resolve(parseResult.GetValue(global.Connection), CliEnvironment.For(host));

    public ServerConnection Server() => _server ??= new ServerConnection(ResolveSettings());

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
