using DHub.Core.Databases;
using DHub.Hosting.Postgres.InitScripts;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DHub.Tests.Core.Databases;

/// <summary><c>dhub_reader</c>, the role user SQL runs as, can read every demo table and write none.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class ReaderRoleTests(LocalAppFixture fixture)
{
    [Fact]
    public async Task Reader_can_select_from_every_demo_table()
    {
        await EnsureReaderCanLogInAsync();
        foreach (var database in DemoDatabases.All)
        {
            await using var reader = await OpenAsReaderAsync(database);
            foreach (var table in await TablesAsync(reader))
            {
                await using var select = new NpgsqlCommand($"SELECT count(*) FROM public.\"{table}\"", reader);
                Assert.True((long)(await select.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= 0);
            }
        }
    }

    [Theory]
    [InlineData("INSERT INTO departments (department_id, department_name) VALUES ('DEPT-X', 'Lending')")]
    [InlineData("BEGIN READ WRITE; INSERT INTO departments (department_id, department_name) VALUES ('DEPT-X', 'Lending')")]
    [InlineData("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM departments")]
    [InlineData("CREATE TABLE public.intruder (id int)")]
    public async Task Reader_cannot_write(string sql)
    {
        await EnsureReaderCanLogInAsync();
        await using var reader = await OpenAsReaderAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand(sql, reader);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.SqlState, new[] { PostgresErrorCodes.ReadOnlySqlTransaction, PostgresErrorCodes.InsufficientPrivilege });
    }

    /// <summary>
    /// Built-ins whose effects outlast a read-only transaction are granted to PUBLIC; the roles script
    /// takes them away from everyone but the database's owner (and superusers), in every database.
    /// </summary>
    [Fact]
    public async Task Only_the_owner_may_take_advisory_locks_change_settings_signal_backends_or_write_wal()
    {
        const string Escapes = """
            FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace
              AND (proname ~ '^pg_(try_)?advisory_(xact_)?lock' OR proname IN ('set_config', 'pg_cancel_backend', 'pg_terminate_backend', 'pg_logical_emit_message'))
            """;
        var perDatabase = await fixture.SumOverDatabasesAsync($"SELECT count(*) {Escapes}") / DemoDatabases.All.Count;

        Assert.True(perDatabase >= 20, $"only {perDatabase} functions matched");
        Assert.Equal(0, await fixture.SumOverDatabasesAsync($"SELECT count(*) {Escapes} AND has_function_privilege('dhub_reader', oid, 'EXECUTE')"));
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            $"SELECT count(*) {Escapes} AND aclcontains(coalesce(proacl, acldefault('f', proowner)), makeaclitem(0, proowner, 'EXECUTE', false))"));
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            $"SELECT count(*) {Escapes} AND NOT has_function_privilege((SELECT datdba FROM pg_database WHERE datname = current_database()), oid, 'EXECUTE')"));
    }

    /// <summary>Either extension would let a query open a second session that commits; neither is installed.</summary>
    [Fact]
    public async Task No_demo_database_has_dblink_or_postgres_fdw() =>
        Assert.Equal(0, await fixture.SumOverDatabasesAsync("SELECT count(*) FROM pg_extension WHERE extname IN ('dblink', 'postgres_fdw')"));

    /// <summary>Local and External modes run the roles script on every start, over databases that already exist.</summary>
    [Fact]
    public async Task Reapplying_the_scripts_to_a_running_cluster_creates_nothing_and_keeps_the_grants()
    {
        var server = await fixture.ConnectionStringAsync(DemoDatabases.Employees); // the runner switches to the maintenance database
        var directory = InitScriptCatalog.FindDirectory(AppContext.BaseDirectory);
        Assert.NotNull(directory);

        var created = await new InitScriptRunner(NullLogger<InitScriptRunner>.Instance)
            .ApplyMissingAsync(server, InitScriptCatalog.Load(directory), TestContext.Current.CancellationToken);

        Assert.Empty(created);
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_proc WHERE proname = 'pg_advisory_lock' AND has_function_privilege('dhub_reader', oid, 'EXECUTE')"));
        Assert.Equal(DemoDatabases.All.Count, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_database WHERE datname = current_database() AND has_database_privilege('dhub_reader', datname, 'CONNECT')"));
        Assert.Equal(0, await fixture.SumOverDatabasesAsync(
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND NOT has_table_privilege('dhub_reader', oid, 'SELECT')"));
    }

    [Fact]
    public async Task A_second_service_enabling_the_reader_does_not_lock_out_the_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = await fixture.CreateConnectionsAsync();
        await using var firstReader = await ReaderRole.EnableAsync(first, ct);
        await using var second = await fixture.CreateConnectionsAsync();
        await using var secondReader = await ReaderRole.EnableAsync(second, ct);

        // A new physical connection of the first service authenticates with the password it set.
        var source = firstReader.For(DemoDatabases.Employees);
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        Assert.Equal(ReaderRole.Name, await command.ExecuteScalarAsync(ct));
    }

    private async Task EnsureReaderCanLogInAsync()
    {
        // The scripts create the role without a password; the application sets one at run time, as here.
        await using var connections = await fixture.CreateConnectionsAsync();
        await using var reader = await ReaderRole.EnableAsync(connections, TestContext.Current.CancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsReaderAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.ConnectionStringAsync(database))
        {
            Username = "dhub_reader",
            Password = ReaderRole.PasswordFor(await fixture.ConnectionStringAsync(DemoDatabases.Employees)),
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection);
        await using var rows = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        while (await rows.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(rows.GetString(0));
        }

        Assert.NotEmpty(tables);
        return tables;
    }
}
