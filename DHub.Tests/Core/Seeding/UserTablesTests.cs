using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Seeding;

/// <summary>
/// Users may keep tables of their own next to the demo tables (same database, schema <c>public</c>).
/// A seed or a clear owns only the 34 demo tables: it must never empty, re-index or cascade into
/// anything else, and when a user's table stands in the way it must fail, say why, and change nothing.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class UserTablesTests(LocalAppFixture fixture)
{
    private const string Notes = "dhub_test_user_notes";
    private const string Watchlist = "dhub_test_user_watchlist";

    // Upper case and a space: only a properly quoted name can be counted.
    private const string OddlyNamed = "DHub Test Notes";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_users_table_keeps_its_rows_keys_and_indexes_through_a_seed_and_a_clear()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        try
        {
            await RunAsync(accounts, $"""
                CREATE TABLE public.{Notes} (id integer PRIMARY KEY, author text NOT NULL, note text NOT NULL, UNIQUE (author, note));
                CREATE INDEX {Notes}_by_author ON public.{Notes} (author);
                INSERT INTO public.{Notes} SELECT g, 'user ' || (g % 7), 'note ' || g FROM generate_series(1, 500) g;
                """);
            var before = await DescribeAsync(accounts, Notes);
            Assert.Contains(before, d => d.StartsWith("500 rows", StringComparison.Ordinal));
            Assert.Equal(3, before.Count(d => d.StartsWith("index", StringComparison.Ordinal)));
            Assert.Equal(2, before.Count(d => d.StartsWith("constraint", StringComparison.Ordinal)));

            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1, Seed = 3 }, null, Token);
            // Same rows, and the very same index and constraint objects (same OIDs): not dropped and rebuilt.
            Assert.Equal(before, await DescribeAsync(accounts, Notes));

            await scope.Operations.ClearAsync(Token);
            Assert.Equal(before, await DescribeAsync(accounts, Notes));
            Assert.Equal(0, (await scope.Operations.GetStatusAsync(Token)).Databases.Single(d => d.Database == DemoDatabases.Accounts)
                .Tables.Where(t => t.Table != Notes).Sum(t => t.Rows));
        }
        finally
        {
            await RunAsync(accounts, $"DROP TABLE IF EXISTS public.{Notes}");
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        }
    }

    [Fact]
    public async Task A_users_foreign_key_to_a_demo_table_fails_the_seed_and_the_clear_by_name_and_changes_nothing()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        try
        {
            await RunAsync(accounts, $"""
                CREATE TABLE public.{Watchlist} (
                    customer_id varchar(50) NOT NULL CONSTRAINT {Watchlist}_customer_fk REFERENCES customers (customer_id),
                    reason text);
                INSERT INTO public.{Watchlist} SELECT customer_id, 'vip' FROM customers ORDER BY customer_id LIMIT 5;
                """);
            var before = await DatabaseSnapshot.TakeAsync(fixture);
            var lastRun = (await scope.Operations.GetStatusAsync(Token)).LastRun?.RunId;

            var seed = await Assert.ThrowsAsync<SeedFailedException>(() => scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1, Seed = 99 }, null, Token));
            var clear = await Assert.ThrowsAsync<SeedFailedException>(() => scope.Operations.ClearAsync(Token));

            foreach (var error in new[] { seed, clear })
            {
                Assert.Contains($"accounts_db.public.{Watchlist}", error.Message, StringComparison.Ordinal);
                Assert.Contains($"{Watchlist}_customer_fk", error.Message, StringComparison.Ordinal);
                Assert.Contains("customers", error.Message, StringComparison.Ordinal);
                Assert.Contains("keeps its previous contents", error.Message, StringComparison.Ordinal);
            }

            var after = await DatabaseSnapshot.TakeAsync(fixture);
            Assert.Equal(35, after.Tables.Count);
            Assert.Empty(before.TablesDifferingFrom(after));
            Assert.Equal(lastRun, (await scope.Operations.GetStatusAsync(Token)).LastRun?.RunId);
        }
        finally
        {
            await RunAsync(accounts, $"DROP TABLE IF EXISTS public.{Watchlist}");
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
        }
    }

    /// <summary>A table's rows (count and digest), and its indexes and constraints with their OIDs.</summary>
    private static async Task<List<string>> DescribeAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT format('%s rows, md5 %s', count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), ''))) FROM public.{table} t
            UNION ALL
            SELECT format('index %s %s', i.indexrelid, pg_get_indexdef(i.indexrelid)) FROM pg_index i WHERE i.indrelid = 'public.{table}'::regclass
            UNION ALL
            SELECT format('constraint %s %s %s', c.oid, c.conname, pg_get_constraintdef(c.oid)) FROM pg_constraint c
            WHERE c.conrelid = 'public.{table}'::regclass AND c.contype <> 'n' -- PostgreSQL 18 lists NOT NULL as constraints too
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

    [Fact]
    public async Task The_status_counts_every_table_exactly_right_after_a_seed_a_users_oddly_named_one_included()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        try
        {
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, Token);
            await RunAsync(accounts, $"CREATE TABLE public.\"{OddlyNamed}\" (id integer); INSERT INTO public.\"{OddlyNamed}\" SELECT generate_series(1, 3)");

            var status = await scope.Operations.GetStatusAsync(Token);
            var snapshot = await DatabaseSnapshot.TakeAsync(fixture);

            var counted = status.Databases.SelectMany(d => d.Tables.Select(t => ($"{d.Database}.{t.Table}", t.Rows)));
            Assert.Equal(snapshot.Tables.Select(t => (t.Key, t.Value.Rows)).Order(), counted.Order());
            Assert.Equal(3, snapshot.RowsOf($"{DemoDatabases.Accounts}.{OddlyNamed}"));
            Assert.Equal(status.LastRun!.TotalRows + 3, status.TotalRows);
        }
        finally
        {
            await RunAsync(accounts, $"DROP TABLE IF EXISTS public.\"{OddlyNamed}\"");
        }
    }

    [Fact]
    public async Task A_status_that_waited_for_a_commit_counts_the_rows_that_commit_loaded()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        await using var accounts = await fixture.OpenAsync(DemoDatabases.Accounts);
        try
        {
            await RunAsync(accounts, $"CREATE TABLE public.{Notes} (id integer); INSERT INTO public.{Notes} SELECT generate_series(1, 3)");
            await using (var reload = await HeldTableLock.TakeAsync(fixture, DemoDatabases.Accounts, Notes))
            {
                // What a seed does to its tables: empty them and load new rows, which others see at the commit.
                await reload.ExecuteAsync($"TRUNCATE public.{Notes}; INSERT INTO public.{Notes} SELECT generate_series(1, 5)");
                var counting = scope.Operations.GetStatusAsync(Token);
                await reload.WaitForWaiterAsync();
                await reload.CommitAsync();

                // A count reading with a snapshot from before its wait would see the emptied table: 0.
                var status = await counting;
                Assert.Equal(5, status.Databases.Single(d => d.Database == DemoDatabases.Accounts).Tables.Single(t => t.Table == Notes).Rows);
            }
        }
        finally
        {
            await RunAsync(accounts, $"DROP TABLE IF EXISTS public.{Notes}");
        }
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
