using System.CommandLine;
using DHub.Cli;
using DHub.Core.Databases;

namespace DHub.Tests.Cli;

/// <summary>Help, usage errors, completion and version: nothing here needs a server.</summary>
public sealed class HelpAndParsingTests
{
    public static TheoryData<string> CommandPaths() => new(AllCommandPaths());

    /// <summary>Every command of the tree as its path after "dhub" ("" is the root), in tree order.</summary>
    private static List<string> AllCommandPaths()
    {
        var paths = new List<string>();
        void Visit(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Visit(sub, $"{path} {sub.Name}".Trim());
            }
        }

        Visit(DhubApp.CreateRootCommand(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, ".", false)), "");
        return paths;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Every_command_has_help_with_examples(string path)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        result.AssertSuccess();
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"  dhub {path}".TrimEnd(), result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_tree_is_the_documented_one()
    {
        Assert.Equal(["", "version", "db", "db list", "db test", "db tables", "db query", "db info", "seed", "seed all", "seed status", "seed clear",
            "datahub", "datahub recipe", "datahub mcps", "datahub emit", "datahub list-databases", "datahub import-domains", "datahub import-glossary",
            "datahub import-all", "datahub register-structured-properties", "datahub clear", "schema", "schema export"], AllCommandPaths());
    }

    [Theory]
    [InlineData("db query", "dhub db query --help")]
    [InlineData("db nope", "dhub db --help")]
    [InlineData("frobnicate", "dhub --help")]
    [InlineData("db query SELECT --limit abc", "dhub db query --help")]
    [InlineData("db list --bogus", "dhub db list --help")]
    [InlineData("seed all --as-of tomorrow", "dhub seed all --help")]
    public async Task A_usage_error_is_one_line_with_a_pointer_to_help_and_exit_code_2(string args, string hint)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(args.Split(' '));

        result.AssertOneLineError(2);
        Assert.Contains($"Run '{hint}' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Version_prints_the_assembly_version()
    {
        using var cli = new CliRunner();

        var text = await cli.RunAsync("version");
        var json = await cli.RunAsync("version", "--json");

        text.AssertSuccess();
        Assert.Equal("dhub 0.1.0", text.Out.Trim());
        json.AssertSuccess();
        Assert.Equal("0.1.0", json.Json().GetProperty("version").GetString());
        Assert.StartsWith("0.1.0", json.Json().GetProperty("informationalVersion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_and_database_names()
    {
        using var cli = new CliRunner();

        var commands = await cli.RunAsync("[suggest:4]", "db q");
        var databases = await cli.RunAsync("[suggest]", "db query -d ");

        Assert.Equal(0, commands.ExitCode);
        Assert.Equal(["query"], commands.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(DemoDatabases.All.Order(), databases.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    [Fact]
    public void The_completion_api_offers_subcommands_and_options()
    {
        var root = DhubApp.CreateRootCommand(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, ".", false));

        var seed = root.Parse("seed ").GetCompletions().Select(c => c.Label).ToList();
        var query = root.Parse("db query SELECT --").GetCompletions().Select(c => c.Label).ToList();

        Assert.Subset(seed.ToHashSet(), new HashSet<string> { "all", "status", "clear" });
        Assert.Subset(query.ToHashSet(), new HashSet<string> { "--database", "--limit", "--write", "--timeout", "--json", "--connection" });
    }
}
