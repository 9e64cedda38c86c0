using DHub.Core.Databases;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>What a benchmark reports about the demo tables once loaded: their size on disk and their rows.</summary>
public static class DemoTableTotals
{
    /// <summary>Sum of <c>pg_total_relation_size</c> (heap, indexes, TOAST) over the 34 tables.</summary>
    public static async Task<long> SizeAsync(DatabaseConnections connections, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var group in DemoTables.InLoadOrder.GroupBy(t => t.Database))
        {
            await using var command = connections.For(group.Key).CreateCommand(
                "SELECT coalesce(sum(pg_total_relation_size(format('public.%I', t)::regclass)), 0)::bigint FROM unnest($1::text[]) AS t");
            command.Parameters.Add(new NpgsqlParameter { Value = group.Select(t => t.Table).ToArray() });
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return total;
    }

    /// <summary>Row count of the 34 tables.</summary>
    public static async Task<long> RowsAsync(DatabaseConnections connections, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var table in DemoTables.InLoadOrder)
        {
            await using var command = connections.For(table.Database).CreateCommand($"SELECT count(*) FROM {table.Sql}");
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return total;
    }
}
