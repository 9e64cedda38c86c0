using System.Collections;
using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using DHub.Core.Seeding.Generators.Accounts;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Seeding.Loading;

/// <summary>
/// The load path streams: while a big table goes through COPY, only the row being written (and the
/// values the importer still references) is alive, however many rows the table has.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class StreamingLoadTests(LocalAppFixture fixture)
{
    // Track one row in this many; each tracked row is a weak reference to its transaction id string.
    private const int SampleEvery = 16;

    // How often (in rows) to collect garbage and count the tracked rows still alive.
    private const int CheckEvery = 8192;

    // Rows allowed to be alive at a check: generous, as streaming keeps one or two; materializing keeps them all.
    private const int InFlight = 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Loading_a_large_table_keeps_only_the_rows_in_flight_alive()
    {
        // Scale 5: about 80,000 transactions.
        var transactions = TransactionsAt(new SeedOptions { Scale = 5, AsOf = new DateOnly(2026, 6, 30) });
        var watch = new Retention();

        await using var connection = await fixture.OpenAsync(DemoDatabases.Accounts);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE scratch_transactions (LIKE public.transactions INCLUDING DEFAULTS)", connection))
        {
            await create.ExecuteNonQueryAsync(Token);
        }

        var columns = string.Join(", ", transactions.Columns.Select(c => $"\"{c}\""));
        var written = TableCopy.Run(connection, $"COPY scratch_transactions ({columns}) FROM STDIN (FORMAT BINARY)", transactions.WithRows(watch.Track(transactions.Rows)), Token);

        Assert.True(written >= 50 * InFlight, $"only {written} rows: too few to tell streaming from materializing");
        Assert.True(watch.Checks >= 8, $"only {watch.Checks} checks");
        Assert.True(watch.MaxAlive * SampleEvery <= InFlight,
            $"up to {watch.MaxAlive * SampleEvery} of {written} rows were alive at once; at most {InFlight} may be");
        // As a ratio: what stays alive is a small constant, not a share of the table (materializing would give about 1).
        Assert.True((double)watch.MaxAlive * SampleEvery / written < 0.02);
    }

    /// <summary>The transactions load, after generating the tables before it (their facts fill the context).</summary>
    private static TableLoad<TransactionRow> TransactionsAt(SeedOptions options)
    {
        var context = new SeedContext(options);
        foreach (var load in SeedPhases.All.SelectMany(p => p.Tables).Select(factory => factory(context)))
        {
            if (load is TableLoad<TransactionRow> transactions)
            {
                return transactions;
            }

            foreach (var _ in (IEnumerable)load.GetType().GetProperty(nameof(TableLoad<int>.Rows))!.GetValue(load)!)
            {
            }
        }

        throw new InvalidOperationException("no transactions table in the pipeline");
    }

    /// <summary>Wraps the generator: samples rows with weak references and, every so often, counts how many survive a full collection.</summary>
    private sealed class Retention
    {
        private readonly List<WeakReference<string>> _sampled = [];

        public int MaxAlive { get; private set; }

        public int Checks { get; private set; }

        public IEnumerable<TransactionRow> Track(IEnumerable<TransactionRow> rows)
        {
            long n = 0;
            foreach (var row in rows)
            {
                if (n % SampleEvery == 0)
                {
                    _sampled.Add(new WeakReference<string>(row.TransactionId));
                }

                if (++n % CheckEvery == 0)
                {
                    Check();
                }

                yield return row;
            }
        }

        private void Check()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var alive = _sampled.Count(w => w.TryGetTarget(out _));
            MaxAlive = Math.Max(MaxAlive, alive);
            Checks++;
        }
    }
}
