using System.Text;
using System.Text.RegularExpressions;
using DHub.Core.DataHub.Catalog;
using DHub.Core.DataHub.Urns;

namespace DHub.Core.DataHub.Recipes;

/// <summary>
/// Generates DataHub ingestion recipes (source <c>postgres</c>, sink <c>datahub-rest</c>) using only
/// the config keys of DataHub's PostgresConfig and DatahubRestSinkConfig. Secrets are always written as
/// environment references, <c>${POSTGRES_PASSWORD}</c> and <c>${DATAHUB_TOKEN}</c>, which
/// <c>datahub ingest</c> expands at run time; the recipes can be committed or shared as they are.
/// </summary>
public sealed class IngestionRecipeGenerator(DataHubCatalog catalog)
{
    public const string PasswordReference = "${POSTGRES_PASSWORD}";
    public const string TokenReference = "${DATAHUB_TOKEN}";

    /// <summary>One recipe per database (file ingest_&lt;db&gt;.yml, pipeline pg_&lt;db&gt;), so each can be scheduled on its own.</summary>
    public IReadOnlyList<IngestionRecipe> PerDatabase(IngestionRecipeOptions options) =>
        options.Databases.Select(database =>
        {
            var pipeline = $"pg_{database}";
            var source = SourceConfig(options);
            source["database"] = database;
            AddCommon(source, options, [database]);
            return new IngestionRecipe(
                $"ingest_{database}.yml",
                pipeline,
                Header($"database {database}", options) + YamlDocumentWriter.Write(Recipe(pipeline, source, options)));
        }).ToList();

    /// <summary>
    /// One recipe for every database: no <c>database</c> key, so the source connects to
    /// <c>initial_database</c>, lists the server's databases and keeps those <c>database_pattern</c> allows.
    /// </summary>
    public IngestionRecipe AllInOne(IngestionRecipeOptions options)
    {
        const string Pipeline = "pg_dhub_all";
        var source = SourceConfig(options);
        source["initial_database"] = "postgres";
        source["database_pattern"] = Pattern(options.Databases.Select(d => $"^{Regex.Escape(d)}$"), []);
        AddCommon(source, options, options.Databases);
        return new IngestionRecipe(
            "ingest_all.yml",
            Pipeline,
            Header($"databases {string.Join(", ", options.Databases)}", options) + YamlDocumentWriter.Write(Recipe(Pipeline, source, options)));
    }

    /// <summary>
    /// The source's <c>domain</c> map: domain URN → allow/deny regexes on <c>db.schema.table</c>.
    /// DataHub takes the first domain whose pattern allows a table, so tables with their own domain
    /// are also denied in their database's pattern: the result does not depend on key order.
    /// </summary>
    public OrderedDictionary<string, object> DomainPatterns(IEnumerable<string> databases)
    {
        var included = databases.ToHashSet(StringComparer.Ordinal);
        var assignments = catalog.DatasetDomains;
        var allow = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var deny = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        static List<string> For(Dictionary<string, List<string>> map, string key) =>
            map.TryGetValue(key, out var list) ? list : map[key] = [];

        foreach (var (table, domain) in assignments.Tables.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal))
        {
            var databaseDomain = assignments.DomainOfDatabase(table.Database);
            if (!included.Contains(table.Database) || domain == databaseDomain)
            {
                continue;
            }

            var exact = $"^{Regex.Escape(table.ToString())}$";
            For(allow, domain).Add(exact);
            if (databaseDomain is not null)
            {
                For(deny, databaseDomain).Add(exact);
            }
        }

        foreach (var database in included.Order(StringComparer.Ordinal))
        {
            if (assignments.DomainOfDatabase(database) is { } domain)
            {
                For(allow, domain).Add($"^{Regex.Escape(database)}\\.");
            }
        }

        var result = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var domain in allow.Keys.Order(StringComparer.Ordinal))
        {
            result[DataHubUrns.Domain(domain)] = Pattern(allow[domain], deny.GetValueOrDefault(domain) ?? []);
        }

        return result;
    }

    private static OrderedDictionary<string, object> SourceConfig(IngestionRecipeOptions options) => new(StringComparer.Ordinal)
    {
        ["host_port"] = options.Target == RecipeTarget.Docker
            ? $"{options.DockerPostgresHost}:5432"
            : $"{options.PostgresHost}:{options.PostgresPort}",
    };

    private void AddCommon(OrderedDictionary<string, object> source, IngestionRecipeOptions options, IEnumerable<string> databases)
    {
        source["username"] = options.Username;
        source["password"] = PasswordReference;
        source["include_tables"] = true;
        source["include_views"] = true;
        source["schema_pattern"] = Pattern([$"^{Regex.Escape(options.Schema)}$"], []);
        if (options.ViewLineage)
        {
            source["include_view_lineage"] = true;
            source["include_view_column_lineage"] = true;
        }

        var domains = DomainPatterns(databases);
        if (domains.Count > 0)
        {
            source["domain"] = domains;
        }

        // Stateful ingestion soft-deletes tables that disappeared since the last run; it keys its state by pipeline_name.
        source["stateful_ingestion"] = new OrderedDictionary<string, object> { ["enabled"] = true };
        if (options.Profiling)
        {
            source["profiling"] = new OrderedDictionary<string, object> { ["enabled"] = true, ["profile_table_level_only"] = false };
        }
    }

    private static OrderedDictionary<string, object> Recipe(string pipeline, OrderedDictionary<string, object> source, IngestionRecipeOptions options)
    {
        var server = options.GmsServer?.ToString().TrimEnd('/')
            ?? (options.Target == RecipeTarget.Docker ? "http://datahub-gms:8080" : "http://localhost:8080");
        return new OrderedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["pipeline_name"] = pipeline,
            ["source"] = new OrderedDictionary<string, object> { ["type"] = "postgres", ["config"] = source },
            ["sink"] = new OrderedDictionary<string, object>
            {
                ["type"] = "datahub-rest",
                ["config"] = new OrderedDictionary<string, object> { ["server"] = server, ["token"] = TokenReference },
            },
        };
    }

    private static OrderedDictionary<string, object> Pattern(IEnumerable<string> allow, IReadOnlyList<string> deny)
    {
        var pattern = new OrderedDictionary<string, object> { ["allow"] = allow.ToList() };
        if (deny.Count > 0)
        {
            pattern["deny"] = deny.ToList();
        }

        return pattern;
    }

    private static string Header(string what, IngestionRecipeOptions options)
    {
        var text = new StringBuilder();
        text.Append("# DataHub ingestion recipe generated by DHub for ").Append(what).Append('\n');
        text.Append(options.Target == RecipeTarget.Docker
            ? "# Docker mode: for ingestion started inside DataHub's containers (UI ingestion); host names are container names.\n"
            : "# Host mode: run on this machine with `datahub ingest -c <this file>`.\n");
        text.Append("# Secrets are never stored here: export POSTGRES_PASSWORD and DATAHUB_TOKEN (may be empty) before running.\n");
        return text.ToString();
    }
}
