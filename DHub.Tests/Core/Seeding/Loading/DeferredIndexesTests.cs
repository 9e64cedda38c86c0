using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Seeding.Loading;

/// <summary>
/// Indexes and keys are set aside while tables load and rebuilt afterwards: the schema must come back
/// exactly, a failed run must leave it untouched, and the rebuilt keys must still reject bad data.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class DeferredIndexesTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seed_rebuilds_every_index_key_and_foreign_key_as_the_init_scripts_define_them()
    {
        var before = await SchemaAsync();
        await using var scope = await fixture.CreateOperationsAsync();

        await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);

        var after = await SchemaAsync();
        Assert.Equal(before, after);
        Assert.Contains(after, d => d.Contains("FOREIGN KEY (account_id) REFERENCES accounts(account_id) (validated)", StringComparison.Ordinal));
        Assert.Contains(after, d => d.Contains("CREATE INDEX idx_transactions_account ON public.transactions USING btree (account_id)", StringComparison.Ordinal));
        Assert.Equal(34, after.Count(d => d.Contains("PRIMARY KEY", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_seed_that_fails_half_way_leaves_the_schema_and_the_data_as_they_were()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        var schema = await SchemaAsync();
        var data = await DatabaseSnapshot.TakeAsync(fixture);

        // Fail while loans_db is half loaded: its indexes are partly rebuilt, accounts_db's entirely.
        var progress = new InlineProgress<SeedProgress>(p =>
        {
            if (p is { Step: SeedStep.TableLoaded, Table: "loans" })
            {
                throw new InvalidOperationException("stop here");
            }
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Operations.SeedAsync(new SeedOptions { Scale = 0.2, Seed = 5 }, progress, Token));

        Assert.Equal(schema, await SchemaAsync());
        Assert.Empty(data.TablesDifferingFrom(await DatabaseSnapshot.TakeAsync(fixture)));
    }

    [Fact]
    public async Task Rebuilt_keys_reject_duplicates_and_dangling_references_and_keep_names_and_comments()
    {
        var database = $"dhub_deferred_{Guid.NewGuid():N}";
        await ExecuteAsync(DemoDatabases.Employees, $"CREATE DATABASE {database}");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(await fixture.ConnectionStringAsync(DemoDatabases.Employees)) { Database = database, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(Token);
            await RunAsync(connection, """
                CREATE TABLE parent (id text PRIMARY KEY, code text NOT NULL UNIQUE, boss text REFERENCES parent(id));
                CREATE TABLE child (id serial PRIMARY KEY, parent_id text NOT NULL REFERENCES parent(id), at date);
                CREATE INDEX idx_child_parent ON child (parent_id, at DESC);
                COMMENT ON INDEX idx_child_parent IS 'children by parent, newest first';
                COMMENT ON CONSTRAINT parent_code_key ON parent IS 'codes are unique';
                """);
            var original = await SchemaAsync(connection);

            // Good data: everything comes back, self-reference and comments included.
            await RunAsync(connection, "BEGIN");
            var deferred = await DeferredIndexes.DropAsync(connection, ["parent", "child"], Token);
            Assert.DoesNotContain(await SchemaAsync(connection), d => d.Contains("KEY", StringComparison.Ordinal) || d.Contains("INDEX", StringComparison.Ordinal));
            await RunAsync(connection, "INSERT INTO parent VALUES ('a', 'A', NULL), ('b', 'B', 'a')");
            await deferred.RestoreAsync(connection, "parent", Token);
            await RunAsync(connection, "INSERT INTO child (parent_id, at) VALUES ('a', '2026-01-01'), ('b', NULL)");
            await deferred.RestoreAsync(connection, "child", Token);
            Assert.True(deferred.IsEmpty);
            await RunAsync(connection, "COMMIT");
            Assert.Equal(original, await SchemaAsync(connection));

            // A duplicate key and a dangling reference still fail, when the keys come back.
            await AssertRestoreFailsAsync(connection, "INSERT INTO parent VALUES ('c', 'A', NULL)", "parent", PostgresErrorCodes.UniqueViolation);
            await AssertRestoreFailsAsync(connection, "INSERT INTO parent VALUES ('c', 'C', 'nobody')", "parent", PostgresErrorCodes.ForeignKeyViolation);
            Assert.Equal(original, await SchemaAsync(connection));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(DemoDatabases.Employees, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task AssertRestoreFailsAsync(NpgsqlConnection connection, string badData, string table, string sqlState)
    {
        await RunAsync(connection, "BEGIN");
        var deferred = await DeferredIndexes.DropAsync(connection, ["parent", "child"], Token);
        await RunAsync(connection, badData);
        var error = await Assert.ThrowsAsync<PostgresException>(() => deferred.RestoreAsync(connection, table, Token));
        Assert.Equal(sqlState, error.SqlState);
        await RunAsync(connection, "ROLLBACK");
    }

    /// <summary>Every index and constraint of the six databases as text: names, definitions, validation, comments.</summary>
    private async Task<List<string>> SchemaAsync()
    {
        var all = new List<string>();
        foreach (var database in DemoDatabases.All)
        {
            await using var connection = await fixture.OpenAsync(database);
            all.AddRange((await SchemaAsync(connection)).Select(d => $"{database}: {d}"));
        }

        return all;
    }

    private static async Task<List<string>> SchemaAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT format('%s %s %s (%s) %s', conrelid::regclass, conname, pg_get_constraintdef(oid),
                          CASE WHEN convalidated THEN 'validated' ELSE 'not validated' END, coalesce(obj_description(oid, 'pg_constraint'), ''))
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT format('%s %s', indexdef, coalesce(obj_description(format('%I.%I', schemaname, indexname)::regclass, 'pg_class'), ''))
            FROM pg_indexes WHERE schemaname = 'public'
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var lines = new List<string>();
        while (await reader.ReadAsync(Token))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await fixture.OpenAsync(database);
        await RunAsync(connection, sql);
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
