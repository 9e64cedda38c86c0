using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DHub.Core.Seeding;
using DHub.Core.Seeding.Loading;
using DHub.Tests.Infrastructure;

namespace DHub.Tests.Core.Seeding.Generators;

/// <summary>
/// Guards the generators against unintended change: every table of a fixed run (seed 7, scale 1, a
/// fixed as-of day) is written as the binary COPY stream a seed sends to PostgreSQL, and the SHA-256
/// of each stream must equal the checked-in one. Moving or splitting generator code must keep every
/// checksum; a deliberate change to the data is made visible by regenerating the golden file
/// (DHUB_UPDATE_GOLDEN=1) and reviewing the diff.
/// </summary>
public sealed class GeneratedTableChecksumTests
{
    private static readonly SeedOptions Options = new() { Scale = 1.0, Seed = 7, AsOf = new DateOnly(2026, 6, 30) };

    [Fact]
    public void Every_table_of_a_fixed_run_streams_the_checked_in_bytes()
    {
        var context = new SeedContext(Options);
        var tables = new JsonObject();
        foreach (var load in SeedPhases.All.SelectMany(p => p.Tables).Select(factory => factory(context)))
        {
            using var sha = SHA256.Create();
            long rows;
            using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write, leaveOpen: true))
            {
                var writer = new BinaryCopyWriter(hashing, load.Columns.Count);
                rows = load.WriteTo(writer, TestContext.Current.CancellationToken);
                writer.Complete();
            }

            tables[$"{load.Database}.{load.Table}"] = new JsonObject
            {
                ["rows"] = rows,
                ["sha256"] = Convert.ToHexStringLower(sha.Hash!),
            };
        }

        var document = new JsonObject
        {
            ["seed"] = Options.Seed,
            ["scale"] = Options.Scale,
            ["asOf"] = Options.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["tables"] = tables,
        };
        var json = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
        GoldenFile.AssertMatches(Path.Combine("Core", "Seeding", "Generators", "Golden"), "table-checksums-scale1.json", json);
    }
}
