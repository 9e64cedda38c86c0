using DHub.Cli.Errors;
using DHub.Core.Databases;
using Npgsql;

namespace DHub.Cli.Connection;

/// <summary>
/// Picks the server connection, first match wins: the <c>--connection</c> option, then the
/// <c>DHUB_CONNECTION</c> variable, then the <c>POSTGRES_*</c> variables (as Docker's postgres
/// image and existing <c>.env</c> files name them) with their defaults. Variables come from the environment or, failing that, the <c>.env</c> file.
/// </summary>
public static class ConnectionResolver
{
    public const string ConnectionVariable = "DHUB_CONNECTION";
    public const string HostVariable = "POSTGRES_HOST";
    public const string PortVariable = "POSTGRES_PORT";
    public const string UserVariable = "POSTGRES_USER";
    public const string PasswordVariable = "POSTGRES_PASSWORD";
    public const string DatabaseVariable = "POSTGRES_DB";

    public const string DefaultHost = "localhost";
    public const int DefaultPort = 5432;
    public const string DefaultUser = "postgres";
    public const string DefaultPassword = "postgres";

    /// <summary>Names this tool in pg_stat_activity, unless the connection string chose a name.</summary>
    private const string ApplicationName = "dhub";

    /// <exception cref="CliException">A connection string or port is malformed (exit code 2).</exception>
    public static ConnectionSettings Resolve(string? connectionOption, CliEnvironment environment)
    {
        var defaultDatabase = environment.Get(DatabaseVariable)?.Value ?? DemoDatabases.Employees;

        if (!string.IsNullOrWhiteSpace(connectionOption))
        {
            return FromConnectionString(connectionOption, "--connection", defaultDatabase);
        }

        if (environment.Get(ConnectionVariable) is { } variable)
        {
            return FromConnectionString(variable.Value, Describe(ConnectionVariable, variable.Origin, environment), defaultDatabase);
        }

        return FromPostgresVariables(environment, defaultDatabase);
    }

    private static ConnectionSettings FromConnectionString(string connectionString, string source, string defaultDatabase)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The builder's messages name keywords and positions, never the values.
            throw CliException.InvalidInput($"The connection string from {source} is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw CliException.InvalidInput($"The connection string from {source} has no Host.");
        }

        return Complete(builder, source, defaultDatabase);
    }

    private static ConnectionSettings FromPostgresVariables(CliEnvironment environment, string defaultDatabase)
    {
        var host = environment.Get(HostVariable);
        var port = environment.Get(PortVariable);
        var user = environment.Get(UserVariable);
        var password = environment.Get(PasswordVariable);

        var portNumber = DefaultPort;
        if (port is not null && (!int.TryParse(port.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out portNumber) || portNumber is < 1 or > 65535))
        {
            throw CliException.InvalidInput($"{Describe(PortVariable, port.Origin, environment)} must be a port number between 1 and 65535; got '{port.Value}'.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host?.Value ?? DefaultHost,
            Port = portNumber,
            Username = user?.Value ?? DefaultUser,
            Password = password?.Value ?? DefaultPassword,
        };
        var source = DescribePostgresVariables(environment, (HostVariable, host), (PortVariable, port), (UserVariable, user), (PasswordVariable, password));
        return Complete(builder, source, defaultDatabase);
    }

    private static ConnectionSettings Complete(NpgsqlConnectionStringBuilder builder, string source, string defaultDatabase)
    {
        // The CLI chooses the database per command (-d); DatabaseConnections sets it.
        builder.Database = null;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return new ConnectionSettings(builder.ConnectionString, builder.Host!, builder.Port, builder.Username, builder.Password, source, defaultDatabase);
    }

    private static string Describe(string variable, VariableOrigin origin, CliEnvironment environment) => origin switch
    {
        VariableOrigin.Environment => $"the {variable} environment variable",
        _ => $"{variable} in {environment.DotEnvPath}",
    };

    /// <summary>E.g. "POSTGRES_HOST and POSTGRES_PORT from the environment, POSTGRES_USER from /src/.env, defaults for POSTGRES_PASSWORD".</summary>
    private static string DescribePostgresVariables(CliEnvironment environment, params (string Name, EnvironmentValue? Value)[] variables)
    {
        var parts = new List<string>();
        var fromEnvironment = variables.Where(v => v.Value?.Origin == VariableOrigin.Environment).Select(v => v.Name).ToList();
        var fromFile = variables.Where(v => v.Value?.Origin == VariableOrigin.DotEnvFile).Select(v => v.Name).ToList();
        var defaulted = variables.Where(v => v.Value is null).Select(v => v.Name).ToList();

        if (fromEnvironment.Count > 0)
        {
            parts.Add($"{Join(fromEnvironment)} from the environment");
        }

        if (fromFile.Count > 0)
        {
            parts.Add($"{Join(fromFile)} from {environment.DotEnvPath}");
        }

        if (defaulted.Count == variables.Length)
        {
            return $"defaults (no --connection, {ConnectionVariable} or POSTGRES_* variables set; host {DefaultHost}, port {DefaultPort}, user {DefaultUser})";
        }

        if (defaulted.Count > 0)
        {
            parts.Add($"defaults for {Join(defaulted)}");
        }

        return string.Join(", ", parts);
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
