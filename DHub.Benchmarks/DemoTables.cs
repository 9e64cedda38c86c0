using DHub.Core.Databases;
using DHub.Core.Seeding;
using Npgsql;

namespace DHub.Benchmarks;

/// <summary>One of the 34 demo tables with the columns the seed pipeline writes (SERIAL keys left out).</summary>
public sealed record DemoTable(string Database, string Table, IReadOnlyList<string> Columns)
{
    public string QualifiedName => $"{Database}.{Table}";

    public string Sql => $"public.\"{Table}\"";

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c}\""));
}

public static class DemoTables
{
    /// <summary>The tables in the pipeline's load order, which respects every foreign key.</summary>
    /// <remarks>A factory only builds a lazy load, so a fresh context is enough to read names and columns.</remarks>
    public static IReadOnlyList<DemoTable> InLoadOrder { get; } = LoadOrder();

    private static List<DemoTable> LoadOrder()
    {
        var context = new SeedContext(new SeedOptions());
        return SeedPhases.All
            .SelectMany(phase => phase.Tables)
            .Select(factory => factory(context))
            .Select(load => new DemoTable(load.Database, load.Table, load.Columns))
            .ToList();
    }

    /// <summary>Sum of <c>pg_total_relation_size</c> (heap, indexes, TOAST) over the 34 tables.</summary>
    public static async Task<long> TotalSizeAsync(DemoDatabaseConnections connections, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var group in InLoadOrder.GroupBy(t => t.Database))
        {
            await using var command = connections.For(group.Key).CreateCommand(
                "SELECT coalesce(sum(pg_total_relation_size(format('public.%I', t)::regclass)), 0)::bigint FROM unnest($1::text[]) AS t");
            command.Parameters.Add(new NpgsqlParameter { Value = group.Select(t => t.Table).ToArray() });
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return total;
    }

    /// <summary>Row count of the 34 tables.</summary>
    public static async Task<long> TotalRowsAsync(DemoDatabaseConnections connections, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var table in InLoadOrder)
        {
            await using var command = connections.For(table.Database).CreateCommand($"SELECT count(*) FROM {table.Sql}");
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return total;
    }
}
