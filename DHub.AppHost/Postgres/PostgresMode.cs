namespace DHub.AppHost.Postgres;

/// <summary>How the AppHost provides PostgreSQL (config key <c>DHub:Postgres:Mode</c>).</summary>
public enum PostgresMode
{
    /// <summary>Container when a container runtime answers, else Local when the binaries exist.</summary>
    Auto,

    /// <summary>The official postgres image; the entrypoint runs the init scripts.</summary>
    Container,

    /// <summary>The PostgreSQL server binaries installed on this machine, no container involved.</summary>
    Local,

    /// <summary>An existing server given by the <c>ConnectionStrings:postgres</c> connection string.</summary>
    External,
}
