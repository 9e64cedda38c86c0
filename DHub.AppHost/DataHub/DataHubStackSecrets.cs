namespace DHub.AppHost.DataHub;

/// <summary>
/// The stack's secrets, generated once and kept in the AppHost's user secrets, in place of the
/// literal passwords DataHub's compose file ships with.
/// </summary>
public sealed record DataHubStackSecrets(
    IResourceBuilder<ParameterResource> MySqlPassword,
    IResourceBuilder<ParameterResource> MySqlRootPassword,
    IResourceBuilder<ParameterResource> FrontendSecret,
    IResourceBuilder<ParameterResource> SystemClientSecret)
{
    public const string MySqlPasswordName = "datahub-mysql-password";
    public const string MySqlRootPasswordName = "datahub-mysql-root-password";
    public const string FrontendSecretName = "datahub-frontend-secret";
    public const string SystemClientSecretName = "datahub-system-client-secret";

    /// <summary>GMS accepts this client id with <see cref="SystemClientSecret"/> from internal services.</summary>
    public const string SystemClientId = "__datahub_system";

    public static DataHubStackSecrets Add(IDistributedApplicationBuilder builder) => new(
        Add(builder, MySqlPasswordName),
        Add(builder, MySqlRootPasswordName),
        Add(builder, FrontendSecretName),
        Add(builder, SystemClientSecretName));

    // No special characters: the values end up in JDBC URLs, shell health checks and Basic headers.
    private static IResourceBuilder<ParameterResource> Add(IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
}
