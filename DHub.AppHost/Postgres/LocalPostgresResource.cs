namespace DHub.AppHost.Postgres;

/// <summary>
/// A PostgreSQL server run from the machine's installed binaries (Local mode). DCP runs it like
/// any executable; <see cref="LocalPostgresCluster"/> prepares and stops its data directory.
/// </summary>
public sealed class LocalPostgresResource(string name, LocalPostgresCluster cluster, ParameterResource password)
    : ExecutableResource(name, cluster.Command, cluster.WorkingDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    public LocalPostgresCluster Cluster { get; } = cluster;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    // 127.0.0.1, not "localhost": the server listens on IPv4 loopback only, and "localhost" may resolve to ::1 first.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={PasswordParameter}");
}
