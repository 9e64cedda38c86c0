using static System.FormattableString;

namespace DHub.AppHost.DataHub;

/// <summary>MySQL, OpenSearch and Kafka (KRaft, no ZooKeeper): the long-running, health-checked services DataHub stores in.</summary>
public sealed record DataHubStorage(
    IResourceBuilder<ContainerResource> MySql,
    IResourceBuilder<ContainerResource> Search,
    IResourceBuilder<ContainerResource> Kafka)
{
    public const string MySqlName = "datahub-mysql";
    public const string SearchName = "datahub-opensearch";
    public const string KafkaName = "datahub-kafka";
    public const string DatabaseName = "datahub";
    public const string MySqlUser = "datahub";
    public const int MySqlPort = 3306;
    public const int SearchPort = 9200;
    public const int KafkaExternalPort = 9092;
    public const int KafkaBrokerPort = 29092;
    public const int KafkaControllerPort = 39092;

    /// <summary>The broker listener the other containers use (the external one advertises localhost).</summary>
    public static string KafkaBootstrap => $"{KafkaName}:{KafkaBrokerPort}";

    // The cluster id is made once and kept in the data directory, so a kept volume formats only once.
    private const string KafkaStart =
        "if [ ! -f /var/lib/kafka/data/cluster_id ]; then kafka-storage random-uuid > /var/lib/kafka/data/cluster_id; fi; " +
        "export CLUSTER_ID=$(cat /var/lib/kafka/data/cluster_id); " +
        "kafka-storage format --ignore-formatted -t $CLUSTER_ID -c /etc/kafka/kafka.properties; " +
        "exec /etc/confluent/docker/run";

    public static DataHubStorage Add(IDistributedApplicationBuilder builder, DataHubStackSecrets secrets, bool persistent)
    {
        var mysql = builder.AddContainer(MySqlName, "mysql", "8.2")
            .WithArgs("--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin", "--default-authentication-plugin=caching_sha2_password")
            .WithEnvironment("MYSQL_DATABASE", DatabaseName)
            .WithEnvironment("MYSQL_USER", MySqlUser)
            .WithEnvironment("MYSQL_PASSWORD", secrets.MySqlPassword)
            .WithEnvironment("MYSQL_ROOT_PASSWORD", secrets.MySqlRootPassword)
            .WithEnvironment("MYSQL_ROOT_HOST", "%")
            .WithEndpoint(targetPort: MySqlPort, name: "tcp", scheme: "tcp");
        TcpEndpointHealthCheck.Add(mysql, "tcp");

        var search = builder.AddContainer(SearchName, "opensearchproject/opensearch", "2.11.0")
            .WithEnvironment("discovery.type", "single-node")
            .WithEnvironment("plugins.security.disabled", "true")
            .WithEnvironment("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m -Dlog4j2.formatMsgNoLookups=true")
            .WithContainerRuntimeArgs("--memory", "1g")
            .WithHttpEndpoint(targetPort: SearchPort, name: "http")
            .WithHttpHealthCheck("/_cluster/health?wait_for_status=yellow&timeout=0s", endpointName: "http");

        var kafka = builder.AddContainer(KafkaName, "confluentinc/cp-kafka", "8.0.0")
            .WithEntrypoint("bash")
            .WithArgs("-c", KafkaStart)
            .WithEnvironment("KAFKA_NODE_ID", "1")
            .WithEnvironment("KAFKA_BROKER_ID", "1")
            .WithEnvironment("KAFKA_PROCESS_ROLES", "controller, broker")
            .WithEnvironment("KAFKA_LISTENERS", Invariant($"BROKER://{KafkaName}:{KafkaBrokerPort},EXTERNAL://{KafkaName}:{KafkaExternalPort},CONTROLLER://{KafkaName}:{KafkaControllerPort}"))
            .WithEnvironment("KAFKA_ADVERTISED_LISTENERS", Invariant($"BROKER://{KafkaName}:{KafkaBrokerPort},EXTERNAL://localhost:{KafkaExternalPort}"))
            .WithEnvironment("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,BROKER:PLAINTEXT,EXTERNAL:PLAINTEXT")
            .WithEnvironment("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER")
            .WithEnvironment("KAFKA_CONTROLLER_QUORUM_VOTERS", Invariant($"1@{KafkaName}:{KafkaControllerPort}"))
            .WithEnvironment("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER")
            .WithEnvironment("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .WithEnvironment("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .WithEnvironment("KAFKA_HEAP_OPTS", "-Xms256m -Xmx256m")
            .WithEnvironment("KAFKA_MESSAGE_MAX_BYTES", "5242880")
            .WithEnvironment("KAFKA_MAX_MESSAGE_BYTES", "5242880")
            .WithEnvironment("KAFKA_CONFLUENT_SUPPORT_METRICS_ENABLE", "false")
            // Not proxied: the listener advertises localhost:9092, so the host port must be exactly that.
            .WithEndpoint(port: KafkaExternalPort, targetPort: KafkaExternalPort, name: "tcp", scheme: "tcp", isProxied: false);
        TcpEndpointHealthCheck.Add(kafka, "tcp");

        if (persistent)
        {
            mysql.WithVolume("dhub-datahub-mysql", "/var/lib/mysql");
            // OpenSearch keeps its data under its own directory (the compose file mounts Elasticsearch's, which it never uses).
            search.WithVolume("dhub-datahub-opensearch", "/usr/share/opensearch/data");
            kafka.WithVolume("dhub-datahub-kafka", "/var/lib/kafka/data");
        }

        return new DataHubStorage(mysql, search, kafka);
    }
}
