using DHub.Core.Databases;
using DHub.Core.Schema;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Schema;

/// <summary>The init scripts, applied by Local mode, produce exactly the designed schema.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SchemaTests(LocalAppFixture fixture)
{
    private const int ExpectedTables = 34;
    private const int ExpectedColumns = 290;
    private const int SpecForeignKeys = 26;
    private const int AddedForeignKeys = 2; // risk_assessments.loan_id and .application_id
    private const int RangeChecks = 5;
    private const int ExplicitIndexes = 19;

    private const string PublicTables = "c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'";

    [Fact]
    public async Task All_six_databases_exist()
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Subset(names.ToHashSet(), DemoDatabases.All.ToHashSet());
    }

    [Fact]
    public async Task Databases_hold_34_tables_and_290_columns()
    {
        Assert.Equal(ExpectedTables, await fixture.SumOverDatabasesAsync($"SELECT count(*) FROM pg_class c WHERE {PublicTables}"));
        Assert.Equal(ExpectedColumns, await fixture.SumOverDatabasesAsync(
            $"SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE {PublicTables} AND a.attnum > 0 AND NOT a.attisdropped"));
    }

    [Fact]
    public async Task Every_table_and_column_has_a_comment()
    {
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            $"SELECT count(*) FROM pg_class c WHERE {PublicTables} AND coalesce(obj_description(c.oid, 'pg_class'), '') = ''"));
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            $"SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE {PublicTables} AND a.attnum > 0 AND NOT a.attisdropped AND coalesce(col_description(c.oid, a.attnum), '') = ''"));
    }

    [Fact]
    public async Task Constraint_and_index_counts_are_as_designed()
    {
        Assert.Equal(SpecForeignKeys + AddedForeignKeys, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"));
        Assert.Equal(RangeChecks + Vocabularies.All.Count, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace"));
        Assert.Equal(ExplicitIndexes, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE " + PublicTables +
            " AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"));
    }

    [Fact]
    public async Task Risk_assessments_reference_loans_and_applications()
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Loans);
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'risk_assessments'::regclass AND contype = 'f'", connection);
        Assert.Equal("risk_assessments_application_id_fkey,risk_assessments_loan_id_fkey",
            await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The generator's vocabularies and the CHECK constraints are one list, value for value.</summary>
    [Fact]
    public async Task Every_vocabulary_is_enforced_by_a_check_with_exactly_its_values()
    {
        foreach (var vocabulary in Vocabularies.All)
        {
            await using var connection = await fixture.OpenAsync(vocabulary.Database);
            await using var command = new NpgsqlCommand(
                """
                SELECT pg_get_constraintdef(k.oid)
                FROM pg_constraint k
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                WHERE k.contype = 'c' AND k.conrelid = to_regclass(@table) AND a.attname = @column
                """, connection);
            command.Parameters.AddWithValue("table", "public." + vocabulary.Table);
            command.Parameters.AddWithValue("column", vocabulary.Column);
            var definition = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

            Assert.True(definition is not null, $"{vocabulary.Table}.{vocabulary.Column} has no CHECK constraint");
            var quoted = System.Text.RegularExpressions.Regex.Matches(definition!, "'((?:[^']|'')*)'")
                .Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(vocabulary.Values.Order(StringComparer.Ordinal), quoted.Order(StringComparer.Ordinal));
        }
    }
}
