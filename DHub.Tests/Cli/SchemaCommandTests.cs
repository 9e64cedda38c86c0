using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using YamlDotNet.RepresentationModel;

namespace DHub.Tests.Cli;

/// <summary><c>dhub schema export</c> against the fixture's databases; no DataHub involved.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SchemaCommandTests(LocalAppFixture fixture)
{
    [Theory]
    [InlineData("schema")]
    [InlineData("schema export")]
    public async Task Help_works(string command)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync([.. command.Split(' '), "--help"]);

        result.AssertSuccess();
        Assert.Contains($"dhub {command}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minified_export_has_tables_columns_and_cross_database_references()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("schema", "export", "--yaml", "--minified");

        result.AssertSuccess();
        var databases = (YamlMappingNode)Root(result.Out)["databases"];
        Assert.Equal(6, databases.Children.Count);
        var crossReferences = 0;
        foreach (var (_, database) in databases.Children)
        {
            var tables = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)database)["schemas"])["public"])["tables"];
            Assert.NotEmpty(tables.Children);
            foreach (var (_, table) in tables.Children)
            {
                var columns = (YamlSequenceNode)((YamlMappingNode)table)["columns"];
                Assert.NotEmpty(columns.Children);
                crossReferences += columns.Children.Count(c => ((YamlMappingNode)c).Children.ContainsKey("cross_db_reference"));
            }
        }

        Assert.True(crossReferences > 0, "no cross_db_reference in the minified descriptor");
    }

    [Fact]
    public async Task Full_export_of_one_database_to_a_file()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("schema", "export", "--yaml", "-d", "loans_db", "-o", "loans.yaml", "--json");

        result.AssertSuccess();
        var path = Path.Combine(cli.CurrentDirectory, "loans.yaml");
        Assert.Equal(path, result.Json().GetProperty("file").GetString());
        var databases = (YamlMappingNode)Root(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))["databases"];
        Assert.Equal("loans_db", Assert.Single(databases.Children).Key.ToString());
    }

    [Fact]
    public async Task Export_of_an_unknown_database_exits_2()
    {
        using var cli = await CliRunner.ForFixtureAsync(fixture);

        var result = await cli.RunAsync("schema", "export", "--yaml", "-d", "no_such_db");

        result.AssertOneLineError(2);
    }

    private static YamlMappingNode Root(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
