using static System.FormattableString;

namespace DHub.AppHost.DataHub;

/// <summary>DataHub itself: GMS (the metadata service), the web frontend and the actions framework.</summary>
public sealed record DataHubServices(
    IResourceBuilder<ContainerResource> Gms,
    IResourceBuilder<ContainerResource> Frontend,
    IResourceBuilder<ContainerResource> Actions,
    DataHubStackSecrets Secrets)
{
    public const string GmsName = "datahub-gms";
    public const string FrontendName = "datahub-frontend";
    public const string ActionsName = "datahub-actions";
    public const int GmsPort = 8080;
    public const int FrontendPort = 9002;
    public const string FrontendUser = "datahub";
    public const string EntityRegistryPath = "/datahub/datahub-gms/resources/entity-registry.yml";

    public static string SchemaRegistryUrl => $"http://{GmsName}:{GmsPort}/schema-registry/api/";

    private const string FrontendJavaOptions =
        "-Xms512m -Xmx512m -Dhttp.port=9002 -Dconfig.file=datahub-frontend/conf/application.conf " +
        "-Djava.security.auth.login.config=datahub-frontend/conf/jaas.conf " +
        "-Dlogback.configurationFile=datahub-frontend/conf/logback.xml -Dlogback.debug=false -Dpidfile.path=/dev/null";

    public static DataHubServices Add(
        IDistributedApplicationBuilder builder, DataHubStorage storage, IResourceBuilder<ContainerResource> systemUpdate, DataHubStackSecrets secrets, string version)
    {
        var gms = builder.AddContainer(GmsName, "acryldata/datahub-gms", version)
            .WithStoreSettings(secrets)
            .WithSearchSettings()
            .WithEnvironment("ELASTICSEARCH_INDEX_BUILDER_MAPPINGS_REINDEX", "true")
            .WithEnvironment("ELASTICSEARCH_INDEX_BUILDER_SETTINGS_REINDEX", "true")
            .WithKafkaSettings()
            .WithGmsAddress()
            .WithSystemClient(secrets)
            .WithEnvironment("GRAPH_SERVICE_IMPL", "elasticsearch")
            .WithEnvironment("ENTITY_REGISTRY_CONFIG_PATH", EntityRegistryPath)
            .WithEnvironment("ENTITY_VERSIONING_ENABLED", "true")
            .WithEnvironment("DATAHUB_SERVER_TYPE", "quickstart")
            .WithEnvironment("DATAHUB_TELEMETRY_ENABLED", "false")
            .WithEnvironment("MAE_CONSUMER_ENABLED", "true")
            .WithEnvironment("MCE_CONSUMER_ENABLED", "true")
            .WithEnvironment("PE_CONSUMER_ENABLED", "true")
            .WithEnvironment("METADATA_SERVICE_AUTH_ENABLED", "true")
            .WithEnvironment("UI_INGESTION_ENABLED", "true")
            .WithEnvironment("ENTITY_SERVICE_ENABLE_RETENTION", "true")
            .WithEnvironment("ES_BULK_REFRESH_POLICY", "WAIT_UNTIL")
            .WithEnvironment("GRAPH_SERVICE_DIFF_MODE_ENABLED", "true")
            .WithEnvironment("ELASTICSEARCH_LIMIT_RESULTS_STRICT", "true")
            .WithEnvironment("STRICT_URN_VALIDATION_ENABLED", "true")
            .WithEnvironment("ALTERNATE_MCP_VALIDATION", "true")
            .WithEnvironment("THEME_V2_DEFAULT", "true")
            .WithEnvironment("JAVA_OPTS", "-Xms1g -Xmx1g")
            .WithBindMount(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".datahub", "plugins"), "/etc/datahub/plugins")
            .WithHttpEndpoint(port: GmsPort, targetPort: GmsPort, name: "http")
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WaitForCompletion(systemUpdate);

        var frontend = builder.AddContainer(FrontendName, "acryldata/datahub-frontend-react", version)
            .WithGmsAddress()
            .WithSystemClient(secrets)
            .WithEnvironment("DATAHUB_SECRET", secrets.FrontendSecret)
            .WithEnvironment("DATAHUB_APP_VERSION", "1.0")
            .WithEnvironment("DATAHUB_PLAY_MEM_BUFFER_SIZE", "10MB")
            .WithEnvironment("KAFKA_BOOTSTRAP_SERVER", DataHubStorage.KafkaBootstrap)
            .WithEnvironment("DATAHUB_TRACKING_TOPIC", "DataHubUsageEvent_v1")
            .WithEnvironment("ELASTIC_CLIENT_HOST", DataHubStorage.SearchName)
            .WithEnvironment("ELASTIC_CLIENT_PORT", Invariant($"{DataHubStorage.SearchPort}"))
            .WithEnvironment("THEME_V2_DEFAULT", "true")
            .WithEnvironment("JAVA_OPTS", FrontendJavaOptions)
            .WithHttpEndpoint(port: FrontendPort, targetPort: FrontendPort, name: "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = $"DataHub UI (user {FrontendUser})")
            .WithHttpHealthCheck("/admin", endpointName: "http")
            .WaitForCompletion(systemUpdate);

        var actions = builder.AddContainer(ActionsName, "acryldata/datahub-actions", $"{version}-slim")
            .WithGmsAddress()
            .WithEnvironment("DATAHUB_GMS_PROTOCOL", "http")
            .WithSystemClient(secrets)
            .WithEnvironment("KAFKA_BOOTSTRAP_SERVER", DataHubStorage.KafkaBootstrap)
            .WithEnvironment("KAFKA_PROPERTIES_SECURITY_PROTOCOL", "PLAINTEXT")
            .WithEnvironment("SCHEMA_REGISTRY_URL", SchemaRegistryUrl)
            .WithSearchSettings()
            .WithEnvironment("METADATA_AUDIT_EVENT_NAME", "MetadataAuditEvent_v4")
            .WithEnvironment("METADATA_CHANGE_LOG_VERSIONED_TOPIC_NAME", "MetadataChangeLog_Versioned_v1")
            .WaitFor(gms);

        return new DataHubServices(gms, frontend, actions, secrets);
    }
}
