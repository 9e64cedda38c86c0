using static System.FormattableString;

namespace DHub.AppHost.DataHub;

/// <summary>The settings blocks that system-update, GMS and the others share, each declared once.</summary>
public static class DataHubEnvironmentExtensions
{
    public static IResourceBuilder<ContainerResource> WithStoreSettings(this IResourceBuilder<ContainerResource> container, DataHubStackSecrets secrets)
    {
        var host = $"{DataHubStorage.MySqlName}:{DataHubStorage.MySqlPort}";
        return container
            .WithEnvironment("EBEAN_DATASOURCE_HOST", host)
            .WithEnvironment("EBEAN_DATASOURCE_USERNAME", DataHubStorage.MySqlUser)
            .WithEnvironment("EBEAN_DATASOURCE_PASSWORD", secrets.MySqlPassword)
            .WithEnvironment("EBEAN_DATASOURCE_DRIVER", "com.mysql.jdbc.Driver")
            .WithEnvironment(
                "EBEAN_DATASOURCE_URL",
                $"jdbc:mysql://{host}/{DataHubStorage.DatabaseName}?verifyServerCertificate=false&useSSL=true&useUnicode=yes&characterEncoding=UTF-8&enabledTLSProtocols=TLSv1.2");
    }

    public static IResourceBuilder<ContainerResource> WithSearchSettings(this IResourceBuilder<ContainerResource> container) => container
        .WithEnvironment("ELASTICSEARCH_HOST", DataHubStorage.SearchName)
        .WithEnvironment("ELASTICSEARCH_PORT", Invariant($"{DataHubStorage.SearchPort}"))
        .WithEnvironment("ELASTICSEARCH_PROTOCOL", "http")
        .WithEnvironment("ELASTICSEARCH_USE_SSL", "false");

    public static IResourceBuilder<ContainerResource> WithKafkaSettings(this IResourceBuilder<ContainerResource> container) => container
        .WithEnvironment("KAFKA_BOOTSTRAP_SERVER", DataHubStorage.KafkaBootstrap)
        .WithEnvironment("KAFKA_SCHEMAREGISTRY_URL", DataHubServices.SchemaRegistryUrl)
        .WithEnvironment("SCHEMA_REGISTRY_TYPE", "INTERNAL");

    public static IResourceBuilder<ContainerResource> WithGmsAddress(this IResourceBuilder<ContainerResource> container) => container
        .WithEnvironment("DATAHUB_GMS_HOST", DataHubServices.GmsName)
        .WithEnvironment("DATAHUB_GMS_PORT", Invariant($"{DataHubServices.GmsPort}"));

    /// <summary>Every service that calls GMS must share the generated secret, or GMS (with its auth on) refuses them.</summary>
    public static IResourceBuilder<ContainerResource> WithSystemClient(this IResourceBuilder<ContainerResource> container, DataHubStackSecrets secrets) => container
        .WithEnvironment("DATAHUB_SYSTEM_CLIENT_ID", DataHubStackSecrets.SystemClientId)
        .WithEnvironment("DATAHUB_SYSTEM_CLIENT_SECRET", secrets.SystemClientSecret);
}
