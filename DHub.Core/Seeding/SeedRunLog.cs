using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DHub.Core.Seeding;

/// <summary>
/// The history of seeds and clears, in a <c>dhub</c> schema of each database so the business tables in
/// <c>public</c> stay exactly as designed. The record is written inside the run's own
/// transaction: a database shows a run's record exactly when it shows that run's data, which is
/// also what crash recovery uses to learn whether a run reached its commit decision.
/// </summary>
public static class SeedRunLog
{
    public const string Schema = "dhub";

    public const string EnsureTableSql = """
        CREATE SCHEMA IF NOT EXISTS dhub;
        CREATE TABLE IF NOT EXISTS dhub.seed_runs (
            run_id      uuid PRIMARY KEY,
            kind        text NOT NULL CHECK (kind IN ('seed', 'clear')),
            seed        integer,
            scale       double precision,
            customers   integer,
            employees   integer,
            as_of       date,
            started_at  timestamptz NOT NULL,
            duration_ms bigint NOT NULL,
            row_counts  jsonb NOT NULL DEFAULT '{}'
        );
        COMMENT ON SCHEMA dhub IS 'DHub bookkeeping: the history of seed runs. Not part of the demo bank.';
        """;

    public static async Task WriteClearAsync(NpgsqlConnection connection, Guid runId, DateTimeOffset startedAt, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO dhub.seed_runs (run_id, kind, started_at, duration_ms) VALUES (@run_id, 'clear', @started_at, @duration_ms)", connection);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("started_at", startedAt);
        command.Parameters.AddWithValue("duration_ms", (long)duration.TotalMilliseconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task WriteAsync(NpgsqlConnection connection, SeedRun run, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO dhub.seed_runs (run_id, kind, seed, scale, customers, employees, as_of, started_at, duration_ms, row_counts)
            VALUES (@run_id, 'seed', @seed, @scale, @customers, @employees, @as_of, @started_at, @duration_ms, @row_counts)
            """, connection);
        command.Parameters.AddWithValue("run_id", run.RunId);
        command.Parameters.AddWithValue("seed", run.Seed);
        command.Parameters.AddWithValue("scale", run.Scale);
        command.Parameters.AddWithValue("customers", run.Customers);
        command.Parameters.AddWithValue("employees", run.Employees);
        command.Parameters.AddWithValue("as_of", run.AsOf);
        command.Parameters.AddWithValue("started_at", run.StartedAt);
        command.Parameters.AddWithValue("duration_ms", (long)run.Duration.TotalMilliseconds);
        command.Parameters.Add(new NpgsqlParameter("row_counts", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(run.RowCounts) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> ContainsAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return false;
        }

        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM dhub.seed_runs WHERE run_id = @run_id)", connection);
        command.Parameters.AddWithValue("run_id", runId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The most recent committed seed, or null when this database was never seeded.</summary>
    public static async Task<SeedRun?> ReadLatestAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return null;
        }

        await using var command = new NpgsqlCommand(
            "SELECT run_id, seed, scale, customers, employees, as_of, started_at, duration_ms, row_counts::text FROM dhub.seed_runs WHERE kind = 'seed' ORDER BY started_at DESC LIMIT 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SeedRun(
            reader.GetGuid(0),
            reader.GetInt32(1),
            reader.GetDouble(2),
            reader.GetInt32(3),
            reader.GetInt32(4),
            reader.GetFieldValue<DateOnly>(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            TimeSpan.FromMilliseconds(reader.GetInt64(7)),
            JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(8)) ?? []);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('dhub.seed_runs') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
