namespace DHub.AppHost.Postgres;

/// <summary>The PostgreSQL server chosen for this run and its six business databases.</summary>
public sealed record DemoPostgres(
    PostgresMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Server,
    IReadOnlyList<DemoPostgresDatabase> Databases);

/// <summary>A database resource and the name of the PostgreSQL database it points at.</summary>
public sealed record DemoPostgresDatabase(string DatabaseName, IResourceBuilder<IResourceWithConnectionString> Resource);
