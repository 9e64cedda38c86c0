using System.Globalization;
using System.Text.RegularExpressions;
using DHub.Core.Seeding;
using DHub.Tests.Infrastructure;
using DHub.Tests.Infrastructure.Tiers;
using Npgsql;

namespace DHub.Tests.Core.Seeding;

/// <summary>
/// Row counts and distributions of a real seed, against the table published in
/// docs/data-generation.md: the test reads the document, so the docs cannot drift from the code.
/// </summary>
[Collection(LocalAppCollection.Name)]
[Integration]
public sealed partial class SeedCountsTests(LocalAppFixture fixture)
{
    // The documented counts were measured with the default seed on this date.
    private static readonly SeedOptions Documented = new() { Seed = SeedOptions.DefaultSeed, AsOf = new DateOnly(2026, 6, 30) };

    // Beyond the documented min-max over eleven seeds; a change that moves counts further must update the docs.
    private const double Tolerance = 0.10;

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public async Task Every_table_has_its_documented_count_within_tolerance(double scale)
    {
        var expected = DocumentedCounts(scale);
        Assert.Equal(34, expected.Count);

        await using var scope = await fixture.CreateOperationsAsync();
        try
        {
            var run = await scope.Operations.SeedAsync(Documented with { Scale = scale }, null, TestContext.Current.CancellationToken);

            Assert.All(expected, table =>
            {
                var actual = run.RowCounts[table.Key];
                var (min, max) = table.Value;
                Assert.True(actual >= Math.Floor(min * (1 - Tolerance)) && actual <= Math.Ceiling(max * (1 + Tolerance)),
                    $"{table.Key}: {actual} rows at scale {scale}, documented {min}-{max}");
            });
        }
        finally
        {
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Distributions_at_scale_one_follow_the_documented_shares()
    {
        await using var scope = await fixture.CreateOperationsAsync();
        try
        {
            await scope.Operations.SeedAsync(Documented with { Scale = 1.0 }, null, TestContext.Current.CancellationToken);

            await AssertSharesAsync("customer_db", "customer_profiles", "customer_segment",
                new() { ["retail"] = .60, ["premium"] = .25, ["corporate"] = .10, ["private_banking"] = .05 });
            await AssertSharesAsync("customer_db", "customer_profiles", "risk_rating",
                new() { ["low"] = .70, ["medium"] = .25, ["high"] = .05 });
            await AssertSharesAsync("accounts_db", "accounts", "account_type",
                new() { ["checking"] = .50, ["savings"] = .30, ["money_market"] = .15, ["cd"] = .05 });
            await AssertSharesAsync("insurance_db", "policies", "policy_type",
                new() { ["life"] = .35, ["property"] = .25, ["vehicle"] = .20, ["health"] = .15, ["travel"] = .05 });
            await AssertSharesAsync("compliance_db", "kyc_records", "document_type",
                new() { ["passport"] = .50, ["drivers_license"] = .35, ["national_id"] = .15 });
        }
        finally
        {
            await scope.Operations.SeedAsync(new SeedOptions { Scale = 0.1 }, null, TestContext.Current.CancellationToken);
        }
    }

    private async Task AssertSharesAsync(string database, string table, string column, Dictionary<string, double> expected)
    {
        await using var connection = await fixture.OpenAsync(database);
        await using var command = new NpgsqlCommand(
            $"SELECT {column}, count(*)::float8 / sum(count(*)) OVER () FROM public.{table} GROUP BY {column}", connection);
        var actual = new Dictionary<string, double>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                actual[reader.GetString(0)] = reader.GetDouble(1);
            }
        }

        // ±5 points, widened to 4 standard errors for small populations (330 policies draw one seed's
        // luck); a wrong weighting, e.g. uniform types, still lands many standard errors away.
        await using var total = new NpgsqlCommand($"SELECT count(*) FROM public.{table}", connection);
        var n = (long)(await total.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        Assert.All(expected, share =>
        {
            var tolerance = Math.Max(0.05, 4 * Math.Sqrt(share.Value * (1 - share.Value) / n));
            Assert.True(Math.Abs(actual.GetValueOrDefault(share.Key) - share.Value) <= tolerance,
                $"{table}.{column} = {share.Key}: {actual.GetValueOrDefault(share.Key):P1}, expected {share.Value:P0} ± {tolerance:P1}");
        });
    }

    /// <summary>Reads "| db.table | n | range | n | range |" rows; "exact" means the range is the count itself.</summary>
    private static Dictionary<string, (long Min, long Max)> DocumentedCounts(double scale)
    {
        var path = Path.Combine(Path.GetDirectoryName(DHub.Hosting.Postgres.InitScripts.InitScriptCatalog.FindDirectory(AppContext.BaseDirectory))!, "..", "..", "docs", "data-generation.md");
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (Match row in CountRow().Matches(File.ReadAllText(path)))
        {
            var (count, range) = scale == 0.1 ? (row.Groups["n01"].Value, row.Groups["r01"].Value) : (row.Groups["n10"].Value, row.Groups["r10"].Value);
            var value = Parse(count);
            var bounds = range.Trim() == "exact" ? (value, value) : (Parse(range.Split('-')[0]), Parse(range.Split('-')[1]));
            counts[row.Groups["table"].Value] = (Math.Min(value, bounds.Item1), Math.Max(value, bounds.Item2));
        }

        return counts;

        static long Parse(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\| (?<table>[a-z_]+_db\.[a-z_]+) \| (?<n01>[\d,]+) \| (?<r01>[^|]+) \| (?<n10>[\d,]+) \| (?<r10>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex CountRow();
}
