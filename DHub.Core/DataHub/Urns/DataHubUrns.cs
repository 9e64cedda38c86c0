namespace DHub.Core.DataHub.Urns;

/// <summary>
/// The URN shapes DataHub uses for the entities DHub publishes (datahub.md §4). Building them in one
/// place keeps the MCPs, the recipes and the descriptor agreeing on every identifier.
/// </summary>
public static class DataHubUrns
{
    public const string Platform = "postgres";
    public const string PlatformUrn = "urn:li:dataPlatform:postgres";
    public const string DefaultEnvironment = "PROD";
    public const string UnknownActor = "urn:li:corpuser:unknown";
    public const string SchemaFieldEntityType = "urn:li:entityType:datahub.schemaField";

    public static string Dataset(QualifiedTable table, string environment = DefaultEnvironment) =>
        $"urn:li:dataset:({PlatformUrn},{table},{environment})";

    public static string SchemaField(string datasetUrn, string column) => $"urn:li:schemaField:({datasetUrn},{column})";

    public static string SchemaField(QualifiedTable table, string column, string environment = DefaultEnvironment) =>
        SchemaField(Dataset(table, environment), column);

    public static string DatabaseContainer(string database, string environment = DefaultEnvironment) =>
        Container(ContainerGuid.ForDatabase(Platform, database, environment));

    public static string SchemaContainer(string database, string schema, string environment = DefaultEnvironment) =>
        Container(ContainerGuid.ForSchema(Platform, database, schema, environment));

    public static string Container(string guid) => $"urn:li:container:{guid}";

    public static string Domain(string id) => $"urn:li:domain:{id}";

    public static string GlossaryTerm(string id) => $"urn:li:glossaryTerm:{id}";

    public static string GlossaryNode(string id) => $"urn:li:glossaryNode:{id}";

    public static string Tag(string id) => $"urn:li:tag:{id}";

    public static string CorpGroup(string id) => $"urn:li:corpGroup:{id}";

    public static string StructuredProperty(string id) => $"urn:li:structuredProperty:{id}";

    public static string DataType(string type) => $"urn:li:dataType:datahub.{type}";

    /// <summary>Accepts either a full entity type URN or DataHub's short name (<c>schemaField</c>).</summary>
    public static string EntityType(string nameOrUrn) =>
        nameOrUrn.StartsWith("urn:li:entityType:", StringComparison.Ordinal) ? nameOrUrn : $"urn:li:entityType:datahub.{nameOrUrn}";
}
