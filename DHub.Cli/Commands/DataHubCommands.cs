using System.CommandLine;
using DHub.Core.DataHub.Metadata;

namespace DHub.Cli.Commands;

/// <summary>
/// The <c>datahub</c> group: ingestion recipes, the MCP file, publishing DHub's metadata to DataHub
/// GMS (everything, or the governance subsets), clearing it again, and the server's databases.
/// </summary>
public static class DataHubCommands
{
    public static Command Create(CommandServices services) => services.WithExamples(
        new Command("datahub", "Publish the demo bank's metadata to DataHub: recipes, MCP file, direct emission to GMS, governance imports, clear.")
        {
            DataHubRecipeCommand.Create(services),
            DataHubMcpsCommand.Create(services),
            DataHubPublishCommands.Emit(services),
            DataHubListDatabasesCommand.Create(services),
            DataHubPublishCommands.Import(services, "import-domains", "Publish the 15 domains (parents first) to DataHub GMS.", MetadataSelection.Domains),
            DataHubPublishCommands.Import(services, "import-glossary", "Publish the glossary (nodes, then terms with their domains) to DataHub GMS.", MetadataSelection.Glossary),
            DataHubPublishCommands.Import(services, "import-all", "Publish every governance entity (domains, glossary, tags, structured properties) to DataHub GMS; no database access.", MetadataSelection.Governance),
            DataHubPublishCommands.Import(services, "register-structured-properties", "Publish the structured property definitions to DataHub GMS.", MetadataSelection.StructuredProperties),
            DataHubPublishCommands.Clear(services),
        },
        "dhub datahub recipe -o ingest_configs",
        "dhub datahub emit --gms http://localhost:8080",
        "dhub datahub mcps -o dhub.mcps.json",
        "dhub datahub clear --confirm");
}
