using DHub.Cli;
using DHub.Cli.Connection;
using DHub.Cli.Errors;
using Npgsql;

namespace DHub.Tests.Cli;

/// <summary>The precedence rules on their own: --connection, DHUB_CONNECTION, POSTGRES_* (environment over .env), defaults.</summary>
public sealed class ConnectionResolverTests
{
    private const string DotEnvPath = "/work/.env";

    private static CliEnvironment Environment(Dictionary<string, string>? process = null, Dictionary<string, string>? dotEnv = null) =>
        new(name => process?.GetValueOrDefault(name), dotEnv ?? [], DotEnvPath);

    [Fact]
    public void The_option_wins_over_everything()
    {
        var settings = ConnectionResolver.Resolve("Host=option;Port=1111;Username=u;Password=p;Database=ignored", Environment(
            new() { ["DHUB_CONNECTION"] = "Host=variable", ["POSTGRES_HOST"] = "pg" },
            new() { ["DHUB_CONNECTION"] = "Host=file" }));

        Assert.Equal("option:1111", settings.Server);
        Assert.Equal("--connection", settings.Source);
        Assert.Null(new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database);
        Assert.Equal("dhub", new NpgsqlConnectionStringBuilder(settings.ConnectionString).ApplicationName);
    }

    [Fact]
    public void DHUB_CONNECTION_wins_over_POSTGRES_variables_and_may_come_from_the_env_file()
    {
        var fromEnvironment = ConnectionResolver.Resolve(null, Environment(new() { ["DHUB_CONNECTION"] = "Host=variable", ["POSTGRES_HOST"] = "pg" }));
        var fromFile = ConnectionResolver.Resolve(null, Environment(new() { ["POSTGRES_HOST"] = "pg" }, new() { ["DHUB_CONNECTION"] = "Host=file" }));

        Assert.Equal("variable:5432", fromEnvironment.Server);
        Assert.Equal("the DHUB_CONNECTION environment variable", fromEnvironment.Source);
        Assert.Equal("file:5432", fromFile.Server);
        Assert.Equal($"DHUB_CONNECTION in {DotEnvPath}", fromFile.Source);
    }

    [Fact]
    public void POSTGRES_variables_come_from_the_environment_then_the_env_file_then_defaults()
    {
        var settings = ConnectionResolver.Resolve(null, Environment(
            new() { ["POSTGRES_HOST"] = "from-environment" },
            new() { ["POSTGRES_HOST"] = "from-file", ["POSTGRES_PORT"] = "6543" }));

        Assert.Equal("from-environment:6543", settings.Server);
        Assert.Equal("postgres", settings.Username);
        Assert.Equal("postgres", settings.Password);
        Assert.Equal($"POSTGRES_HOST from the environment, POSTGRES_PORT from {DotEnvPath}, defaults for POSTGRES_USER and POSTGRES_PASSWORD", settings.Source);
    }

    [Fact]
    public void With_nothing_set_the_defaults_apply_and_say_so()
    {
        var settings = ConnectionResolver.Resolve(null, Environment());

        Assert.Equal("localhost:5432", settings.Server);
        Assert.StartsWith("defaults (no --connection, DHUB_CONNECTION or POSTGRES_* variables set", settings.Source, StringComparison.Ordinal);
        Assert.Equal("employees_db", settings.DefaultQueryDatabase);
    }

    [Fact]
    public void POSTGRES_DB_sets_the_default_query_database()
    {
        Assert.Equal("loans_db", ConnectionResolver.Resolve(null, Environment(dotEnv: new() { ["POSTGRES_DB"] = "loans_db" })).DefaultQueryDatabase);
        Assert.Equal("customer_db", ConnectionResolver.Resolve("Host=h", Environment(new() { ["POSTGRES_DB"] = "customer_db" })).DefaultQueryDatabase);
    }

    [Theory]
    [InlineData("Host=h;Bogus=1;Password=hunter22")]
    [InlineData("Port=5432;Password=hunter22")]
    [InlineData("Host=h;Port=notaport;Password=hunter22")]
    public void A_malformed_connection_string_is_invalid_input_without_its_password(string connectionString)
    {
        var error = Assert.Throws<CliException>(() => ConnectionResolver.Resolve(connectionString, Environment()));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Contains("--connection", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_port_variable_is_invalid_input_naming_its_origin()
    {
        var error = Assert.Throws<CliException>(() => ConnectionResolver.Resolve(null, Environment(dotEnv: new() { ["POSTGRES_PORT"] = "54x2" })));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        Assert.Equal($"POSTGRES_PORT in {DotEnvPath} must be a port number between 1 and 65535; got '54x2'.", error.Message);
    }
}
