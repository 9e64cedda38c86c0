using System.Diagnostics;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DHub.Tests.Faults;

/// <summary>
/// A generator bug, injected into a real DHub host: the seed pipeline with its very last table's
/// generator throwing once it has streamed its rows, i.e. after every other table was truncated,
/// loaded and indexed inside the run's transactions. It throws what a generator's bug most often
/// throws, an <see cref="InvalidOperationException"/> from no database (LINQ's "Sequence contains no
/// elements" is one): the hosts must tell it from a user's or a server's problem.
/// </summary>
/// <remarks>
/// The hosts are started as they ship, with this test assembly as a .NET startup hook
/// (<c>DOTNET_STARTUP_HOOKS</c>, see <see cref="StartupHook"/>). The hook listens for the generic
/// host being built (the "HostBuilding" diagnostic event, the one WebApplicationFactory uses) and
/// registers <see cref="Pipeline"/> as the host's <see cref="SeedPipeline"/>.
/// </remarks>
internal static class BrokenGenerator
{
    public const string StartupHookVariable = "DOTNET_STARTUP_HOOKS";

    /// <summary>What the broken generator throws; the hosts' logs and answers name it.</summary>
    public const string ExceptionType = nameof(InvalidOperationException);

    public const string Message = "The broken generator found no branch to pick a customer from.";

    /// <summary>The value of <see cref="StartupHookVariable"/> that injects the bug into a DHub process.</summary>
    public static string HookAssembly => typeof(BrokenGenerator).Assembly.Location;

    public static SeedPipeline Pipeline { get; } = Break(SeedPipeline.Default);

    private static SeedPipeline Break(SeedPipeline pipeline)
    {
        var phases = pipeline.Phases.ToList();
        var last = phases[^1];
        List<Func<SeedContext, ITableLoad>> tables = [.. last.Tables];
        var factory = tables[^1];
        tables[^1] = context => new ThrowingLoad(factory(context));
        phases[^1] = last with { Tables = tables };
        return new SeedPipeline(phases);
    }

    /// <summary>Registers <see cref="Pipeline"/> in every generic host the process builds.</summary>
    internal static void InjectIntoHosts() => DiagnosticListener.AllListeners.Subscribe(new HostListeners());

    private sealed class ThrowingLoad(ITableLoad inner) : ITableLoad
    {
        public string Database => inner.Database;

        public string Table => inner.Table;

        public IReadOnlyList<string> Columns => inner.Columns;

        public long WriteTo(BinaryCopyWriter writer, CancellationToken cancellationToken)
        {
            inner.WriteTo(writer, cancellationToken);
            throw new InvalidOperationException(Message);
        }
    }

    private sealed class HostListeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.Extensions.Hosting")
            {
                value.Subscribe(new HostBuilding());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class HostBuilding : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
            {
                builder.ConfigureServices((_, services) => services.AddSingleton(Pipeline));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
