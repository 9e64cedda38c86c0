using static System.FormattableString;

namespace DHub.AppHost.DataHub;

/// <summary>
/// The run-once jobs that prepare the stores (up to v1.4.x) and <c>system-update</c>, which GMS and
/// the frontend wait to complete successfully.
/// </summary>
public static class DataHubSetupJobs
{
    public const string MySqlSetupName = "datahub-mysql-setup";
    public const string SearchSetupName = "datahub-opensearch-setup";
    public const string KafkaSetupName = "datahub-kafka-setup";
    public const string SystemUpdateName = "datahub-system-update";

    /// <summary>Adds the jobs and returns <c>system-update</c>, the last of them.</summary>
    public static IResourceBuilder<ContainerResource> Add(
        IDistributedApplicationBuilder builder, DataHubStorage storage, DataHubStackSecrets secrets, string version)
    {
        var mysqlSetup = builder.AddContainer(MySqlSetupName, "acryldata/datahub-mysql-setup", version)
            .WithEnvironment("MYSQL_HOST", DataHubStorage.MySqlName)
            .WithEnvironment("MYSQL_PORT", Invariant($"{DataHubStorage.MySqlPort}"))
            .WithEnvironment("MYSQL_USERNAME", DataHubStorage.MySqlUser)
            .WithEnvironment("MYSQL_PASSWORD", secrets.MySqlPassword)
            .WithEnvironment("DATAHUB_DB_NAME", DataHubStorage.DatabaseName)
            .WaitFor(storage.MySql);

        var searchSetup = builder.AddContainer(SearchSetupName, "acryldata/datahub-elasticsearch-setup", version)
            .WithSearchSettings()
            .WithEnvironment("USE_AWS_ELASTICSEARCH", "true")
            .WaitFor(storage.Search);

        var kafkaSetup = builder.AddContainer(KafkaSetupName, "acryldata/datahub-kafka-setup", version)
            .WithEnvironment("KAFKA_BOOTSTRAP_SERVER", DataHubStorage.KafkaBootstrap)
            .WithEnvironment("USE_CONFLUENT_SCHEMA_REGISTRY", "false")
            .WithEnvironment("DATAHUB_PRECREATE_TOPICS", "false")
            .WaitFor(storage.Kafka);

        return builder.AddContainer(SystemUpdateName, "acryldata/datahub-upgrade", version)
            .WithArgs("-u", "SystemUpdate")
            .WithStoreSettings(secrets)
            .WithSearchSettings()
            .WithEnvironment("ELASTICSEARCH_BUILD_INDICES_CLONE_INDICES", "false")
            .WithEnvironment("ELASTICSEARCH_INDEX_BUILDER_MAPPINGS_REINDEX", "true")
            .WithEnvironment("ELASTICSEARCH_INDEX_BUILDER_SETTINGS_REINDEX", "true")
            .WithEnvironment("ELASTICSEARCH_INDEX_BUILDER_REFRESH_INTERVAL_SECONDS", "3")
            .WithKafkaSettings()
            .WithEnvironment("SCHEMA_REGISTRY_SYSTEM_UPDATE", "true")
            .WithEnvironment("SPRING_KAFKA_PROPERTIES_AUTO_REGISTER_SCHEMAS", "true")
            .WithEnvironment("SPRING_KAFKA_PROPERTIES_USE_LATEST_VERSION", "true")
            .WithGmsAddress()
            .WithSystemClient(secrets)
            .WithEnvironment("GRAPH_SERVICE_IMPL", "elasticsearch")
            .WithEnvironment("ENTITY_REGISTRY_CONFIG_PATH", DataHubServices.EntityRegistryPath)
            .WithEnvironment("ENTITY_VERSIONING_ENABLED", "true")
            .WithEnvironment("BACKFILL_BROWSE_PATHS_V2", "true")
            .WithEnvironment("REPROCESS_DEFAULT_BROWSE_PATHS_V2", "false")
            .WaitForCompletion(mysqlSetup)
            .WaitForCompletion(searchSetup)
            .WaitForCompletion(kafkaSetup)
            .WaitFor(storage.MySql)
            .WaitFor(storage.Search)
            .WaitFor(storage.Kafka);
    }
}
