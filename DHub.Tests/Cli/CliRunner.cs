using DHub.Cli;
using DHub.Tests.Infrastructure;
using Npgsql;

namespace DHub.Tests.Cli;

/// <summary>
/// Runs dhub in-process with captured stdout and stderr, a made-up environment (nothing of the
/// test process leaks in) and its own empty working directory, where a test may put a <c>.env</c>.
/// </summary>
public sealed class CliRunner : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public string CurrentDirectory { get; } = Directory.CreateTempSubdirectory("dhub-cli-test-").FullName;

    public bool OutputIsTerminal { get; init; }

    /// <summary>A runner pointed at the fixture's server through DHUB_CONNECTION.</summary>
    public static async Task<CliRunner> ForFixtureAsync(LocalAppFixture fixture) =>
        new CliRunner().With("DHUB_CONNECTION", await ServerConnectionStringAsync(fixture));

    /// <summary>The fixture's server, without a database: what --connection and DHUB_CONNECTION take.</summary>
    public static async Task<string> ServerConnectionStringAsync(LocalAppFixture fixture) =>
        new NpgsqlConnectionStringBuilder(await fixture.ConnectionStringAsync("employees_db")) { Database = null }.ConnectionString;

    public CliRunner With(string variable, string? value)
    {
        _environment[variable] = value;
        return this;
    }

    public CliRunner WithDotEnv(string contents)
    {
        File.WriteAllText(Path.Combine(CurrentDirectory, ".env"), contents);
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(output, error, name => _environment.GetValueOrDefault(name), CurrentDirectory, OutputIsTerminal);
        var exitCode = await DhubApp.RunAsync(args, host, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(CurrentDirectory, recursive: true);
}
