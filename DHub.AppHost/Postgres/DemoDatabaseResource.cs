namespace DHub.AppHost.Postgres;

/// <summary>
/// One of the six business databases on a Local or External server. (Container mode uses Aspire's
/// own <c>PostgresDatabaseResource</c>.) Its state is published by <see cref="DemoDatabaseInitializer"/>
/// once the init scripts have run, so <c>WaitFor</c> on it means "the schema exists".
/// </summary>
public sealed class DemoDatabaseResource(string databaseName, IResourceWithConnectionString server)
    : Resource(DemoDatabaseNames.ResourceName(databaseName)), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public IResourceWithConnectionString Parent { get; } = server;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
