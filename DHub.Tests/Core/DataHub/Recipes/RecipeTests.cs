using DHub.Core.Databases;
using DHub.Core.DataHub.Recipes;
using DHub.Tests.Core.DataHub.Support;
using YamlDotNet.RepresentationModel;

namespace DHub.Tests.Core.DataHub.Recipes;

/// <summary>Generated recipes parse, use only the keys DataHub's postgres source and datahub-rest sink know, and hold no secrets.</summary>
public sealed class RecipeTests
{
    private static readonly IngestionRecipeGenerator Generator = new(TestCatalog.Load());

    // datahub.md §1.
    private static readonly HashSet<string> SourceKeys =
    [
        "host_port", "username", "password", "database", "initial_database", "database_pattern", "schema_pattern",
        "table_pattern", "view_pattern", "include_tables", "include_views", "include_view_lineage", "include_view_column_lineage",
        "include_stored_procedures", "profiling", "profile_pattern", "domain", "env", "platform_instance", "stateful_ingestion",
        "options", "sqlalchemy_uri",
    ];

    private static readonly HashSet<string> SinkKeys =
        ["server", "token", "timeout_sec", "retry_max_times", "retry_status_codes", "extra_headers", "mode", "max_threads", "max_per_batch"];

    private static readonly HashSet<string> PatternKeys = ["allow", "deny", "ignoreCase"];

    public static TheoryData<RecipeTarget, bool> Modes => new()
    {
        { RecipeTarget.Host, false },
        { RecipeTarget.Host, true },
        { RecipeTarget.Docker, false },
        { RecipeTarget.Docker, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Per_database_recipes_use_only_known_keys(RecipeTarget target, bool profiling)
    {
        var recipes = Generator.PerDatabase(new IngestionRecipeOptions { Target = target, Profiling = profiling, PostgresPort = 55432 });
        Assert.Equal(DemoDatabases.All.Select(d => $"ingest_{d}.yml"), recipes.Select(r => r.FileName));
        foreach (var recipe in recipes)
        {
            var root = Parse(recipe.Yaml);
            var database = recipe.FileName["ingest_".Length..^".yml".Length];
            var source = CheckShape(root, $"pg_{database}", profiling);
            Assert.Equal(database, Scalar(source, "database"));
            Assert.False(source.Children.ContainsKey(new YamlScalarNode("database_pattern")), "database_pattern is ignored when database is set");
            Assert.Equal(target == RecipeTarget.Docker ? "postgres:5432" : "localhost:55432", Scalar(source, "host_port"));
            Assert.Equal(target == RecipeTarget.Docker ? "http://datahub-gms:8080" : "http://localhost:8080", Scalar(Map(Map(root, "sink"), "config"), "server"));

            var domains = Map(source, "domain");
            var domain = "urn:li:domain:" + TestCatalog.Load().DatasetDomains.DomainOfDatabase(database);
            Assert.Contains(new YamlScalarNode(domain), domains.Children.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_all_in_one_recipe_lists_databases_through_initial_database(RecipeTarget target, bool profiling)
    {
        var recipe = Generator.AllInOne(new IngestionRecipeOptions { Target = target, Profiling = profiling });
        Assert.Equal("ingest_all.yml", recipe.FileName);
        var source = CheckShape(Parse(recipe.Yaml), "pg_dhub_all", profiling);
        Assert.False(source.Children.ContainsKey(new YamlScalarNode("database")), "an all-in-one recipe must not set database");
        Assert.Equal("postgres", Scalar(source, "initial_database"));
        var allowed = ((YamlSequenceNode)Map(source, "database_pattern").Children[new YamlScalarNode("allow")]).Children.Select(n => n.ToString()).ToList();
        Assert.Equal(DemoDatabases.All.Select(d => $"^{d}$"), allowed);
    }

    /// <summary>
    /// DataHub assigns the first domain whose pattern allows a table; tables with their own domain are
    /// denied in their database's pattern, so each table matches exactly one domain whatever the order.
    /// </summary>
    [Fact]
    public void Domain_patterns_give_every_table_exactly_its_catalog_domain()
    {
        var catalog = TestCatalog.Load();
        var patterns = Generator.DomainPatterns(DemoDatabases.All);
        var tables = catalog.DatasetDomains.Tables.Keys.Select(t => t.ToString())
            .Concat(DemoDatabases.All.Select(d => $"{d}.public.some_table"));
        foreach (var table in tables)
        {
            var matching = patterns
                .Where(p => Matches((IDictionary<string, object>)p.Value, table))
                .Select(p => p.Key)
                .ToList();
            var expected = "urn:li:domain:" + catalog.DatasetDomains.DomainOf(DHub.Core.DataHub.Urns.QualifiedTable.TryParse(table)!);
            Assert.Equal([expected], matching);
        }
    }

    [Fact]
    public void Secrets_are_environment_references_only()
    {
        var recipes = Generator.PerDatabase(new IngestionRecipeOptions()).Append(Generator.AllInOne(new IngestionRecipeOptions { Target = RecipeTarget.Docker }));
        foreach (var recipe in recipes)
        {
            var root = Parse(recipe.Yaml);
            Assert.Equal("${POSTGRES_PASSWORD}", Scalar(Map(Map(root, "source"), "config"), "password"));
            Assert.Equal("${DATAHUB_TOKEN}", Scalar(Map(Map(root, "sink"), "config"), "token"));
        }
    }

    private static YamlMappingNode CheckShape(YamlMappingNode root, string pipeline, bool profiling)
    {
        Assert.Equal(["pipeline_name", "source", "sink"], root.Children.Keys.Select(k => k.ToString()));
        Assert.Equal(pipeline, Scalar(root, "pipeline_name"));
        var source = Map(root, "source");
        Assert.Equal(["type", "config"], source.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("postgres", Scalar(source, "type"));
        var config = Map(source, "config");
        Assert.All(config.Children.Keys, key => Assert.Contains(key.ToString(), SourceKeys));
        Assert.Equal("true", Scalar(Map(config, "stateful_ingestion"), "enabled"));
        Assert.Equal(["^public$"], ((YamlSequenceNode)Map(config, "schema_pattern").Children[new YamlScalarNode("allow")]).Children.Select(n => n.ToString()));
        Assert.Equal(profiling, config.Children.ContainsKey(new YamlScalarNode("profiling")));
        if (profiling)
        {
            Assert.All(Map(config, "profiling").Children.Keys, key => Assert.Contains(key.ToString(), new[] { "enabled", "profile_table_level_only" }));
        }

        foreach (var (key, value) in Map(config, "domain").Children)
        {
            Assert.StartsWith("urn:li:domain:", key.ToString(), StringComparison.Ordinal);
            Assert.All(((YamlMappingNode)value).Children.Keys, k => Assert.Contains(k.ToString(), PatternKeys));
        }

        var sink = Map(root, "sink");
        Assert.Equal("datahub-rest", Scalar(sink, "type"));
        Assert.All(Map(sink, "config").Children.Keys, key => Assert.Contains(key.ToString(), SinkKeys));
        return config;
    }

    private static bool Matches(IDictionary<string, object> pattern, string table)
    {
        // AllowDenyPattern: re.match (anchored at the start), case-insensitive by default.
        static bool Any(object? list, string text) => list is IEnumerable<string> regexes && regexes.Any(r =>
            System.Text.RegularExpressions.Regex.Match(text, r, System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true, Index: 0 });
        return Any(pattern.TryGetValue("allow", out var allow) ? allow : null, table)
            && !Any(pattern.TryGetValue("deny", out var deny) ? deny : null, table);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
