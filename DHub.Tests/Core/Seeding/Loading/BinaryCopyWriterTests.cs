using DHub.Core.Databases;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;
using NpgsqlTypes;

namespace DHub.Tests.Core.Seeding.Loading;

/// <summary>
/// The hand-written binary COPY encoders against the real thing: every value goes through COPY into
/// PostgreSQL and is read back by Npgsql, so an encoding mistake shows up as a different value, a
/// rejected COPY, or a changed display scale.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed class BinaryCopyWriterTests(LocalAppFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Sample(string? Varchar, string? Text, string? Json, int? Integer, bool? Flag, DateOnly? Day, DateTime? Moment, decimal? Amount);

    private static readonly string[] Columns = ["v", "t", "j", "i", "b", "d", "ts", "n"];

    public static TheoryData<decimal> Decimals =>
    [
        0m, 0.00m, 1m, -1m, 0.05m, -0.01m, 12.30m, 123.45m, 9999m, 10000m, 10001m, 1000000m, 0.0001m, 0.00001m,
        123456789.123456789m, -99999.9999m, 79228162514264.337593543950335m, 0.0000000000000000000000000001m,
        decimal.MaxValue, decimal.MinValue, 1.5m, 2500.00m, 0.1000m,
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public async Task Numeric_values_keep_their_value_and_display_scale(decimal value)
    {
        var back = await RoundTripAsync([new Sample(null, null, null, null, null, null, null, value)]);

        var amount = Assert.IsType<decimal>(back[0].Amount);
        Assert.Equal(value, amount);
        Assert.Equal(value.Scale, amount.Scale);
    }

    [Fact]
    public async Task Text_dates_times_integers_and_flags_read_back_unchanged()
    {
        var samples = new[]
        {
            new Sample("plain", "", """{"a": [1, 2], "b": "é"}""", 0, true, new DateOnly(2000, 1, 1), new DateTime(2000, 1, 1), 1m),
            new Sample("Zoë, 日本, 🚀", "line one\nline two", "[]", int.MaxValue, false, new DateOnly(1999, 12, 31), new DateTime(1999, 12, 31, 23, 59, 59), 2m),
            new Sample("x", "y", "null", int.MinValue, true, new DateOnly(1, 1, 1), new DateTime(1, 1, 1, 0, 0, 0), 3m),
            new Sample("far", "future", "{}", -42, false, new DateOnly(9999, 12, 31), new DateTime(2026, 6, 30, 12, 34, 56).AddTicks(1234560), 4m),
            new Sample(new string('w', 70_000), new string('ü', 40_000), $$"""{"long": "{{new string('z', 70_000)}}"}""", 7, null, null, null, null),
            new Sample(null, null, null, null, null, null, null, null),
        };

        var back = await RoundTripAsync(samples);

        Assert.Equal(samples.Length, back.Count);
        for (var i = 0; i < samples.Length; i++)
        {
            // jsonb normalizes whitespace, so compare with what PostgreSQL makes of the text.
            var expected = samples[i] with { Json = samples[i].Json is { } json ? await NormalizeJsonAsync(json) : null };
            Assert.Equal(expected, back[i]);
        }
    }

    [Fact]
    public async Task A_row_with_too_few_values_fails_and_leaves_the_connection_usable()
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Accounts);
        await CreateScratchAsync(connection);
        // Eight columns, but only the first one writes its value.
        var load = new TableLoad<Sample>("accounts_db", "scratch_copy", [new Sample("a", "b", "{}", 1, true, null, null, 1m)],
            [(Columns[0], static (w, r) => w.WriteText(r.Varchar)), .. Columns[1..].Select(c => (c, (Action<BinaryCopyWriter, Sample>)(static (_, _) => { })))]);

        var error = Assert.Throws<InvalidOperationException>(() => TableCopy.Run(connection, Copy, load, Token));
        Assert.Contains("given 1 values", error.Message);

        await using var count = new NpgsqlCommand("SELECT count(*) FROM scratch_copy", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task A_value_the_writer_cannot_encode_is_refused_before_anything_is_sent()
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Accounts);
        await CreateScratchAsync(connection);
        var load = new TableLoad<Sample>("accounts_db", "scratch_copy", [new Sample(null, null, null, 1, null, null, null, null)],
            ("i", static (w, r) => w.Write(r.Integer!.Value, NpgsqlDbType.Bigint)));

        var error = Assert.Throws<NotSupportedException>(() => TableCopy.Run(connection, "COPY scratch_copy (i) FROM STDIN (FORMAT BINARY)", load, Token));
        Assert.Contains("Bigint", error.Message);

        await using var count = new NpgsqlCommand("SELECT count(*) FROM scratch_copy", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync(Token));
    }

    private const string Copy = "COPY scratch_copy (v, t, j, i, b, d, ts, n) FROM STDIN (FORMAT BINARY)";

    private async Task<List<Sample>> RoundTripAsync(Sample[] samples)
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Accounts);
        await CreateScratchAsync(connection);
        var load = new TableLoad<Sample>("accounts_db", "scratch_copy", samples,
            ("v", static (w, r) => w.WriteText(r.Varchar)),
            ("t", static (w, r) => w.WriteText(r.Text, NpgsqlDbType.Text)),
            ("j", static (w, r) => w.WriteText(r.Json, NpgsqlDbType.Jsonb)),
            ("i", static (w, r) => w.WriteNullable(r.Integer, NpgsqlDbType.Integer)),
            ("b", static (w, r) =>
            {
                if (r.Flag is { } flag)
                {
                    w.Write(flag, NpgsqlDbType.Boolean);
                }
                else
                {
                    w.WriteNull();
                }
            }),
            ("d", static (w, r) => w.WriteNullable(r.Day, NpgsqlDbType.Date)),
            ("ts", static (w, r) => w.WriteNullable(r.Moment, NpgsqlDbType.Timestamp)),
            ("n", static (w, r) => w.WriteNullable(r.Amount, NpgsqlDbType.Numeric)));

        Assert.Equal(samples.Length, TableCopy.Run(connection, Copy, load, Token));

        await using var select = new NpgsqlCommand("SELECT v, t, j::text, i, b, d, ts, n FROM scratch_copy ORDER BY k", connection);
        await using var reader = await select.ExecuteReaderAsync(Token);
        var rows = new List<Sample>();
        while (await reader.ReadAsync(Token))
        {
            rows.Add(new Sample(
                Read<string>(reader, 0), Read<string>(reader, 1), Read<string>(reader, 2), ReadValue<int>(reader, 3), ReadValue<bool>(reader, 4),
                ReadValue<DateOnly>(reader, 5), ReadValue<DateTime>(reader, 6), ReadValue<decimal>(reader, 7)));
        }

        return rows;
    }

    private static T? Read<T>(NpgsqlDataReader reader, int ordinal) where T : class =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static T? ReadValue<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private async Task<string> NormalizeJsonAsync(string json)
    {
        await using var connection = await fixture.OpenAsync(DemoDatabases.Accounts);
        await using var command = new NpgsqlCommand("SELECT $1::jsonb::text", connection) { Parameters = { new() { Value = json } } };
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }

    private static async Task CreateScratchAsync(NpgsqlConnection connection)
    {
        await using var create = new NpgsqlCommand(
            "CREATE TEMP TABLE scratch_copy (k serial, v varchar(100000), t text, j jsonb, i integer, b boolean, d date, ts timestamp, n numeric)", connection);
        await create.ExecuteNonQueryAsync(Token);
    }
}
