using DHub.AppHost;
using DHub.Core.Databases;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.AppHost;

/// <summary>The seeder's dashboard commands, executed the way the dashboard does: through ResourceCommands.</summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class SeederCommandTests(LocalAppFixture fixture)
{
    private const string Notes = "dhub_test_clear_command_notes";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clear_data_empties_the_tables_and_reseed_fills_them_again()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        var before = await scope.Operations.GetStatusAsync(Token);
        Assert.True(before.TotalRows > 0);
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        await ExecuteAsync(accounts, $"CREATE TABLE public.{Notes} (note text); INSERT INTO public.{Notes} SELECT 'note ' || g FROM generate_series(1, 3) g");
        try
        {
            // The command answers once the clear run of the seeder ended, so its effect is visible at once.
            var cleared = await fixture.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ClearCommand, Token);
            Assert.True(cleared.Success, cleared.Message);
            var status = await scope.Operations.GetStatusAsync(Token);
            var demoTables = status.Databases.SelectMany(d => d.Tables).Where(t => t.Table != Notes).ToList();
            Assert.Equal(34, demoTables.Count);
            Assert.All(demoTables, t => Assert.Equal(0, t.Rows));
            Assert.Equal(3L, await ScalarAsync(accounts, $"SELECT count(*) FROM public.{Notes}"));
        }
        finally
        {
            await ExecuteAsync(accounts, $"DROP TABLE IF EXISTS public.{Notes}");
        }

        var reseeded = await fixture.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ReseedCommand, Token);
        Assert.True(reseeded.Success, reseeded.Message);

        // The seeder restarts and records a new run when it commits.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var after = await scope.Operations.GetStatusAsync(Token);
        while (after.LastRun?.RunId == before.LastRun?.RunId && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, Token);
            after = await scope.Operations.GetStatusAsync(Token);
        }

        Assert.NotEqual(before.LastRun?.RunId, after.LastRun?.RunId);
        Assert.Equal(after.LastRun!.TotalRows, after.TotalRows);
        Assert.Equal(double.Parse(LocalAppFixture.SeedScale, System.Globalization.CultureInfo.InvariantCulture), after.LastRun.Scale);
    }

    [Fact]
    public async Task Clear_data_reports_a_failed_clear_run_and_changes_nothing()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        var before = (await scope.Operations.GetStatusAsync(Token)).TotalRows;
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        // A user's foreign key into a demo table: a clear must fail rather than cascade into it.
        await ExecuteAsync(accounts, $"CREATE TABLE public.{Notes} (customer_id varchar(50) REFERENCES customers (customer_id))");
        try
        {
            var cleared = await fixture.App.ResourceCommands.ExecuteCommandAsync("seeder", SeederCommandsExtensions.ClearCommand, Token);

            Assert.False(cleared.Success);
            Assert.Contains(SeederCommandsExtensions.ClearResourceName, cleared.Message, StringComparison.Ordinal);
            Assert.Equal(before, (await scope.Operations.GetStatusAsync(Token)).TotalRows);
        }
        finally
        {
            await ExecuteAsync(accounts, $"DROP TABLE IF EXISTS public.{Notes}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
