using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using Npgsql;

namespace DHub.Tests.Backbone;

/// <summary><c>dhub_reader</c>, the role user SQL runs as, can read every demo table and write none.</summary>
[Collection(LocalAppCollection.Name)]
public sealed class ReaderRoleTests(LocalAppFixture fixture)
{
    private const string ReaderPassword = "reader-test-password";

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

    private async Task EnsureReaderCanLogInAsync()
    {
        // The scripts create the role without a password; the application sets one at run time.
        await using var admin = await fixture.OpenAsync(DemoDatabases.Employees);
        await using var command = new NpgsqlCommand($"ALTER ROLE dhub_reader PASSWORD '{ReaderPassword}'", admin);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsReaderAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.ConnectionStringAsync(database))
        {
            Username = "dhub_reader",
            Password = ReaderPassword,
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
