using DHub.Core.Databases;
using DHub.Core.DataHub.Introspection;
using DHub.Tests.Core.DataHub.Support;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;

namespace DHub.Tests.Core.DataHub.Introspection;

/// <summary>Technical metadata read from the live catalog of the fixture's six databases.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class IntrospectionTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task The_six_databases_hold_34_tables_290_columns_and_28_foreign_keys()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var schemas = await live.IntrospectAllAsync();

        Assert.Equal(DemoDatabases.All, schemas.Select(s => s.Database));
        Assert.Equal(34, schemas.Sum(s => s.Tables.Count));
        Assert.Equal(290, schemas.Sum(s => s.ColumnCount));
        Assert.Equal(28, schemas.Sum(s => s.Tables.Sum(t => t.ForeignKeys.Count)));
        Assert.All(schemas.SelectMany(s => s.Tables), t =>
        {
            Assert.Equal(TableKind.Table, t.Kind);
            Assert.NotEmpty(t.PrimaryKey);
            Assert.False(string.IsNullOrEmpty(t.Comment), t.Name);
            Assert.Equal(Enumerable.Range(1, t.Columns.Count), t.Columns.Select(c => c.Ordinal));
            Assert.All(t.Columns, c => Assert.False(string.IsNullOrEmpty(c.Comment), $"{t.Name}.{c.Name}"));
        });
    }

    [Theory]
    [InlineData("accounts_db", "accounts", "balance", "NUMERIC(15, 2)", SchemaFieldType.Number, true)]
    [InlineData("accounts_db", "accounts", "account_id", "VARCHAR(50)", SchemaFieldType.String, false)]
    [InlineData("loans_db", "loans", "interest_rate", "NUMERIC(5, 4)", SchemaFieldType.Number, false)]
    [InlineData("employees_db", "employees", "created_at", "TIMESTAMP WITHOUT TIME ZONE", SchemaFieldType.Time, true)]
    [InlineData("employees_db", "employees", "hire_date", "DATE", SchemaFieldType.Date, false)]
    [InlineData("employees_db", "performance_reviews", "review_id", "INTEGER", SchemaFieldType.Number, false)]
    [InlineData("compliance_db", "audit_trails", "audit_id", "BIGINT", SchemaFieldType.Number, false)]
    [InlineData("compliance_db", "aml_checks", "aml_flag", "BOOLEAN", SchemaFieldType.Boolean, true)]
    [InlineData("customer_db", "customer_profiles", "address", "TEXT", SchemaFieldType.String, true)]
    public async Task Columns_have_datahub_native_types_and_nullability(
        string database, string table, string column, string nativeType, SchemaFieldType fieldType, bool nullable)
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var schema = await live.Introspector.IntrospectAsync(database, cancellationToken: TestContext.Current.CancellationToken);
        var found = schema.FindTable(table)!.FindColumn(column)!;
        Assert.Equal(nativeType, found.NativeType);
        Assert.Equal(fieldType, found.FieldType);
        Assert.Equal(nullable, found.Nullable);
    }

    [Fact]
    public async Task Foreign_keys_keep_their_constraint_names_and_column_pairs()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var loans = await live.Introspector.IntrospectAsync(DemoDatabases.Loans, cancellationToken: TestContext.Current.CancellationToken);
        var risk = loans.FindTable("risk_assessments")!;
        Assert.Equal(["risk_assessments_application_id_fkey", "risk_assessments_loan_id_fkey"], risk.ForeignKeys.Select(f => f.Name));
        var toLoans = risk.ForeignKeys.Single(f => f.ReferencedTable == "loans");
        Assert.Equal(["loan_id"], toLoans.Columns);
        Assert.Equal(["loan_id"], toLoans.ReferencedColumns);
        Assert.Equal("public", toLoans.ReferencedSchema);

        var employees = await live.Introspector.IntrospectAsync(DemoDatabases.Employees, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(employees.FindTable("employees")!.ForeignKeys, f => f is { Name: "employees_manager_id_fkey", ReferencedTable: "employees" });
    }

    [Fact]
    public async Task Any_database_and_schema_can_be_introspected()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var catalog = await live.Introspector.IntrospectAsync("postgres", "pg_catalog", TestContext.Current.CancellationToken);
        Assert.Contains(catalog.Tables, t => t.Name == "pg_class");
        Assert.Contains(catalog.Tables, t => t is { Name: "pg_tables", Kind: TableKind.View, ViewDefinition: not null });

        var empty = await live.Introspector.IntrospectAsync(DemoDatabases.Accounts, "no_such_schema", TestContext.Current.CancellationToken);
        Assert.Empty(empty.Tables);
    }

    [Fact]
    public async Task List_databases_shows_the_demo_databases_with_their_size()
    {
        await using var live = await LiveDatabases.OpenAsync(fixture);
        var databases = await new ServerCatalog(live.Source).ListDatabasesAsync(TestContext.Current.CancellationToken);
        Assert.All(DemoDatabases.All, name =>
        {
            var db = Assert.Single(databases, d => d.Name == name);
            Assert.True(db.IsDemo);
            Assert.True(db.SizeBytes > 0);
            Assert.False(string.IsNullOrEmpty(db.Size));
        });
        Assert.Contains(databases, d => d is { Name: "postgres", IsDemo: false });
        Assert.DoesNotContain(databases, d => d.Name.StartsWith("template", StringComparison.Ordinal));
    }
}
