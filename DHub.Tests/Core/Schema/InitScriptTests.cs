using DHub.Core.Databases;
using DHub.Hosting.Postgres.InitScripts;

namespace DHub.Tests.Core.Schema;

public sealed class InitScriptTests
{
    private static IReadOnlyList<InitScript> RepositoryScripts()
    {
        var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory);
        Assert.NotNull(directory);
        return InitScriptCatalog.Load(directory);
    }

    [Fact]
    public void The_repository_has_one_script_per_demo_database_in_order_then_the_roles()
    {
        var scripts = RepositoryScripts();

        Assert.Equal(DemoDatabases.All, InitScriptCatalog.CreatedDatabases(scripts));
        var roles = Assert.Single(scripts, s => s.CreatedDatabase is null);
        Assert.Same(roles, scripts[^1]);
        Assert.Equal(DemoDatabases.All, roles.Sections.Select(s => s.DatabaseName));
    }

    /// <summary>The grants live in one script; the database scripts only build their schema.</summary>
    [Fact]
    public void Only_the_roles_script_mentions_the_reader_and_its_sections_are_identical()
    {
        var scripts = RepositoryScripts();
        var roles = scripts[^1];

        Assert.Contains(ReaderRole.Name, roles.Preamble, StringComparison.Ordinal);
        Assert.Single(roles.Sections.Select(s => s.Sql.Trim()).Distinct(StringComparer.Ordinal));
        Assert.All(scripts.Where(s => s.CreatedDatabase is not null).SelectMany(s => s.Sections),
            section => Assert.DoesNotContain(ReaderRole.Name, section.Sql, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_splits_at_the_connect_meta_command()
    {
        var script = InitScript.Parse("01.sql", "-- header\nCREATE DATABASE shop;\n\\c shop\nCREATE TABLE t (id int);\n");

        Assert.Equal("shop", script.CreatedDatabase);
        var section = Assert.Single(script.Sections);
        Assert.Equal("shop", section.DatabaseName);
        Assert.Equal("CREATE TABLE t (id int);", section.Sql.Trim());
        Assert.DoesNotContain("CREATE DATABASE", section.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_keeps_a_configuration_script_preamble_and_one_section_per_database()
    {
        var script = InitScript.Parse("07.sql", "CREATE ROLE r;\n\\c a\nGRANT x;\n\\connect b\nGRANT y;\n");

        Assert.Null(script.CreatedDatabase);
        Assert.Equal("CREATE ROLE r;", script.Preamble.Trim());
        Assert.Equal([("a", "GRANT x;"), ("b", "GRANT y;")], script.Sections.Select(s => (s.DatabaseName, s.Sql.Trim())));
    }

    [Theory]
    [InlineData("CREATE TABLE t (id int);", "no '\\c <database>' line")]
    [InlineData("CREATE DATABASE a;\n\\c a\n\\c b\n", "create exactly one")]
    [InlineData("CREATE DATABASE a;\n\\c b\n", "create exactly one")]
    [InlineData("\\c a\n\\set x 1\n", "unsupported psql meta-command")]
    public void Parse_rejects_scripts_it_cannot_run_faithfully(string text, string reason)
    {
        var error = Assert.Throws<InvalidInitScriptException>(() => InitScript.Parse("bad.sql", text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.sql", error.Message, StringComparison.Ordinal);
    }
}
