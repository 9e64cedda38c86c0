using DHub.Core.Databases;
using DHub.Core.Schema;

namespace DHub.Tests.Backbone;

public sealed class InitScriptTests
{
    [Fact]
    public void The_repository_has_one_script_per_demo_database_in_order()
    {
        var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory);

        Assert.NotNull(directory);
        Assert.Equal(DemoDatabases.All, InitScriptCatalog.Load(directory).Select(s => s.DatabaseName));
    }

    [Fact]
    public void Parse_splits_at_the_connect_meta_command()
    {
        var script = InitScript.Parse("01.sql", "-- header\nCREATE DATABASE shop;\n\\c shop\nCREATE TABLE t (id int);\n");

        Assert.Equal("shop", script.DatabaseName);
        Assert.Equal("CREATE TABLE t (id int);", script.Body.Trim());
        Assert.DoesNotContain("CREATE DATABASE", script.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id int);", "no '\\c <database>' line")]
    [InlineData("\\c a\n\\c b\n", "more than once")]
    [InlineData("\\c a\n\\set x 1\n", "unsupported psql meta-command")]
    public void Parse_rejects_scripts_it_cannot_run_faithfully(string text, string reason)
    {
        var error = Assert.Throws<InvalidInitScriptException>(() => InitScript.Parse("bad.sql", text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.sql", error.Message, StringComparison.Ordinal);
    }
}
