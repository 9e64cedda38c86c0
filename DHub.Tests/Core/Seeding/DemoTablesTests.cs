using System.Text.RegularExpressions;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Hosting.Postgres.InitScripts;

namespace DHub.Tests.Core.Seeding;

/// <summary>
/// The catalogue of demo tables decides what a seed or a clear may empty: it must name exactly the
/// tables the init scripts create, no more (a user's table) and no fewer (a table left unseeded).
/// </summary>
public sealed partial class DemoTablesTests
{
    [GeneratedRegex(@"\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?""?(?<table>[A-Za-z_][A-Za-z0-9_]*)""?\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [Fact]
    public void The_catalogue_lists_34_tables_in_the_6_demo_databases()
    {
        Assert.Equal(34, DemoTables.InLoadOrder.Count);
        Assert.Equal(34, DemoTables.InLoadOrder.Select(t => t.QualifiedName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(DemoDatabases.All.Order(StringComparer.Ordinal), DemoTables.InLoadOrder.Select(t => t.Database).Distinct().Order(StringComparer.Ordinal));
        Assert.All(DemoTables.InLoadOrder, t => Assert.NotEmpty(t.Columns));
        Assert.Equal(34, DemoDatabases.All.Sum(d => DemoTables.In(d).Count));
        Assert.Empty(DemoTables.In("postgres"));
    }

    [Fact]
    public void The_catalogue_names_exactly_the_tables_the_init_scripts_create()
    {
        var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory);
        Assert.NotNull(directory);
        var created = InitScriptCatalog.Load(directory)
            .SelectMany(script => script.Sections)
            .SelectMany(section => CreateTable().Matches(section.Sql).Select(m => $"{section.DatabaseName}.{m.Groups["table"].Value}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(created, DemoTables.InLoadOrder.Select(t => t.QualifiedName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_database_lists_its_tables_in_load_order()
    {
        Assert.Equal(["customers", "accounts", "account_relationships", "transactions"], DemoTables.In(DemoDatabases.Accounts).Select(t => t.Table));
        Assert.Equal("public.\"transactions\"", DemoTables.In(DemoDatabases.Accounts)[^1].Sql);
    }
}
