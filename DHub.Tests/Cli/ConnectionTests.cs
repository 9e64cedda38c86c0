using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Cli;

/// <summary>Where dhub takes its server from, end to end: precedence, and the message when the server cannot be used.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class ConnectionTests(LocalAppFixture fixture)
{
    private const string Secret = "TopSecret-4711";
    private const string Unreachable = $"Host=127.0.0.1;Port=1;Username=postgres;Password={Secret}";

    [Theory]
    [InlineData("db", "list")]
    [InlineData("db", "test")]
    [InlineData("db", "tables")]
    [InlineData("db", "info")]
    [InlineData("db", "query", "SELECT 1")]
    [InlineData("seed", "status")]
    [InlineData("seed", "clear")]
    [InlineData("seed", "all", "--scale", "0.1")]
    public async Task An_unreachable_server_exits_3_naming_host_port_and_source_but_not_the_password(params string[] command)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync([.. command, "--connection", Unreachable]);

        result.AssertOneLineError(3);
        Assert.Contains("127.0.0.1:1", result.Error, StringComparison.Ordinal);
        Assert.Contains("--connection", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_message_names_whichever_source_was_used()
    {
        using (var viaVariable = new CliRunner().With("DHUB_CONNECTION", Unreachable))
        {
            var result = await viaVariable.RunAsync("db", "list");
            result.AssertOneLineError(3);
            Assert.Contains("DHUB_CONNECTION environment variable", result.Error, StringComparison.Ordinal);
        }

        using (var viaPostgresVariables = new CliRunner().With("POSTGRES_HOST", "127.0.0.1").With("POSTGRES_PORT", "1").With("POSTGRES_PASSWORD", Secret))
        {
            var result = await viaPostgresVariables.RunAsync("db", "list");
            result.AssertOneLineError(3);
            Assert.Contains("POSTGRES_HOST, POSTGRES_PORT and POSTGRES_PASSWORD from the environment, defaults for POSTGRES_USER", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        }

        using (var viaDotEnv = new CliRunner().WithDotEnv($"POSTGRES_HOST=127.0.0.1\nPOSTGRES_PORT=1\nPOSTGRES_PASSWORD=\"{Secret}\"\n"))
        {
            var result = await viaDotEnv.RunAsync("db", "list");
            result.AssertOneLineError(3);
            Assert.Contains($"from {Path.Combine(viaDotEnv.CurrentDirectory, ".env")}", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refused_login_exits_3_without_the_password()
    {
        var server = new NpgsqlConnectionStringBuilder(await CliRunner.ServerConnectionStringAsync(fixture)) { Password = Secret };
        using var cli = new CliRunner();

        var result = await cli.RunAsync("db", "list", "--connection", server.ConnectionString);

        result.AssertOneLineError(3);
        Assert.Contains("refused the login of user 'postgres'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{server.Host}:{server.Port}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_still_without_the_password()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("db", "list", "--connection", Unreachable, "--verbose");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: Cannot connect to PostgreSQL at 127.0.0.1:1", result.Error, StringComparison.Ordinal);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_option_beats_DHUB_CONNECTION()
    {
        var good = await CliRunner.ServerConnectionStringAsync(fixture);

        using (var cli = new CliRunner().With("DHUB_CONNECTION", Unreachable))
        {
            (await cli.RunAsync("db", "test", "--connection", good)).AssertSuccess();
        }

        using (var cli = new CliRunner().With("DHUB_CONNECTION", good))
        {
            var result = await cli.RunAsync("db", "test", "--connection", Unreachable);
            result.AssertOneLineError(3);
            Assert.Contains("--connection", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DHUB_CONNECTION_beats_the_POSTGRES_variables()
    {
        using var cli = new CliRunner()
            .With("DHUB_CONNECTION", await CliRunner.ServerConnectionStringAsync(fixture))
            .With("POSTGRES_HOST", "127.0.0.1").With("POSTGRES_PORT", "1");

        (await cli.RunAsync("db", "test")).AssertSuccess();
    }

    [Fact]
    public async Task POSTGRES_variables_of_the_environment_beat_those_of_the_env_file()
    {
        var server = new NpgsqlConnectionStringBuilder(await CliRunner.ServerConnectionStringAsync(fixture));

        using (var environmentWins = WithPostgresVariables(new CliRunner(), server).WithDotEnv("POSTGRES_HOST=127.0.0.1\nPOSTGRES_PORT=1\n"))
        {
            (await environmentWins.RunAsync("db", "test")).AssertSuccess();
        }

        using (var environmentWinsEvenWhenWrong = new CliRunner().With("POSTGRES_PORT", "1")
            .WithDotEnv($"POSTGRES_HOST={server.Host}\nPOSTGRES_PORT={server.Port}\nPOSTGRES_USER={server.Username}\nPOSTGRES_PASSWORD='{server.Password}'\n"))
        {
            var result = await environmentWinsEvenWhenWrong.RunAsync("db", "test");
            result.AssertOneLineError(3);
            Assert.Contains("POSTGRES_PORT from the environment", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_env_file_alone_is_enough()
    {
        var server = new NpgsqlConnectionStringBuilder(await CliRunner.ServerConnectionStringAsync(fixture));
        using var cli = new CliRunner().WithDotEnv(
            $"# the fixture's server\nexport POSTGRES_HOST={server.Host}\nPOSTGRES_PORT=\"{server.Port}\"\nPOSTGRES_USER={server.Username} # the owner\nPOSTGRES_PASSWORD='{server.Password}'\n");

        var result = await cli.RunAsync("db", "test", "--json");

        result.AssertSuccess();
        Assert.Equal($"{server.Host}:{server.Port}", result.Json().GetProperty("server").GetString());
    }

    private static CliRunner WithPostgresVariables(CliRunner cli, NpgsqlConnectionStringBuilder server) => cli
        .With("POSTGRES_HOST", server.Host)
        .With("POSTGRES_PORT", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("POSTGRES_USER", server.Username)
        .With("POSTGRES_PASSWORD", server.Password);
}
