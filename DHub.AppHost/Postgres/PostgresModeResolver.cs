using DHub.Hosting.Postgres;

namespace DHub.AppHost.Postgres;

/// <summary>Turns the configured mode into the one to use, resolving <see cref="PostgresMode.Auto"/>.</summary>
public sealed class PostgresModeResolver(IContainerRuntimeProbe containerRuntime, Func<PostgresBinaries?> findBinaries)
{
    public PostgresMode Resolve(PostgresMode configured)
    {
        if (configured != PostgresMode.Auto)
        {
            return configured;
        }

        if (containerRuntime.IsAvailable())
        {
            return PostgresMode.Container;
        }

        if (findBinaries() is not null)
        {
            return PostgresMode.Local;
        }

        throw new PostgresUnavailableException(
            "DHub needs PostgreSQL and found no way to run it: no container runtime answered 'docker info' or " +
            "'podman info', and no PostgreSQL server binaries (postgres, initdb, pg_ctl) were found on PATH or under " +
            "/usr/lib/postgresql/*/bin. Start Docker or Podman, or install the PostgreSQL 15+ server " +
            "(Debian/Ubuntu: 'sudo apt-get install postgresql'; macOS: 'brew install postgresql@16'), " +
            "or point DHub at a server with DHub:Postgres:Mode=External and ConnectionStrings:postgres.");
    }

    public static PostgresMode Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return PostgresMode.Auto;
        }

        return Enum.TryParse<PostgresMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new PostgresUnavailableException(
                $"DHub:Postgres:Mode has the value '{value}'; expected one of Auto, Container, Local, External.");
    }
}

public sealed class PostgresUnavailableException(string message) : Exception(message);
