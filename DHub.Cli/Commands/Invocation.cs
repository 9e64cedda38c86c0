using System.CommandLine;
using DHub.Cli.Connection;
using DHub.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

namespace DHub.Cli.Commands;

/// <summary>
/// One run of one command: its parsed values, its output, and its services on the server
/// connection, which are built only when the command first asks for them (so <c>version</c> and
/// input validation never need a server).
/// </summary>
/// <param name="gmsOptions">The command's GMS options, for commands that talk to DataHub GMS.</param>
public sealed class Invocation(ParseResult parseResult, CliHost host, GlobalOptions global, GmsOptions? gmsOptions = null) : IAsyncDisposable
{
    private ServiceProvider? _services;
    private GmsSettings? _gms;

    public bool Json { get; } = parseResult.GetValue(global.Json);

    public bool Verbose { get; } = parseResult.GetValue(global.Verbose);

    public CliOutput Output { get; } = new(host, parseResult.GetValue(global.Json));

    /// <summary>The connection settings once resolved; null before, so errors can name the server when known.</summary>
    public ConnectionSettings? ResolvedSettings { get; private set; }

    /// <summary>DHub.Core's services on the resolved server, one provider for the whole run.</summary>
    public IServiceProvider Services => _services ??= CliServices.Create(ResolveSettings(), () => _gms);

    public T? Get<T>(Option<T> option) => parseResult.GetValue(option);

    public T? Get<T>(Argument<T> argument) => parseResult.GetValue(argument);

    public ConnectionSettings ResolveSettings() =>
        ResolvedSettings ??= ConnectionResolver.Resolve(parseResult.GetValue(global.Connection), CliEnvironment.For(host));

    public ServerConnection Server() => Services.GetRequiredService<ServerConnection>();

    /// <summary>The GMS settings of this command, resolved (and checked) on first use, before the GMS client is built.</summary>
    /// <exception cref="InvalidOperationException">The command has no GMS options.</exception>
    public GmsSettings Gms() => _gms ??= gmsOptions is null
        ? throw new InvalidOperationException($"{parseResult.CommandResult.Command.Name} takes no GMS options.")
        : GmsSettings.Resolve(Get(gmsOptions.Server), Get(gmsOptions.Token), CliEnvironment.For(host));

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
