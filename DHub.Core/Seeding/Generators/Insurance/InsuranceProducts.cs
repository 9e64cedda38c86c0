using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>
/// An insurance product: coverage range, yearly premium as a share of coverage, and the kind of
/// term (life: a fixed term of years; property, vehicle, health: renewed every year; travel: one trip).
/// </summary>
internal sealed record InsuranceProduct(string Type, decimal MinCoverage, decimal MaxCoverage, decimal MinAnnualRate, decimal MaxAnnualRate, bool RenewsYearly);

internal static class InsuranceProducts
{
    private static readonly InsuranceProduct[] All =
    [
        new("life", 50_000m, 1_000_000m, 0.004m, 0.012m, false),
        new("property", 100_000m, 800_000m, 0.003m, 0.008m, true),
        new("vehicle", 10_000m, 80_000m, 0.030m, 0.080m, true),
        new("health", 25_000m, 500_000m, 0.020m, 0.050m, true),
        new("travel", 5_000m, 100_000m, 0.010m, 0.030m, false),
    ];

    /// <summary>The distribution of the requirements document: life .35, property .25, vehicle .20, health .15, travel .05.</summary>
    public static WeightedChoice<string> Types { get; } = VocabularyChoice.Of(
        Vocabularies.PoliciesPolicyType, ("life", 0.35), ("property", 0.25), ("vehicle", 0.20), ("health", 0.15), ("travel", 0.05));

    public static InsuranceProduct Of(string type) => All.First(p => p.Type == type);

    public static int MonthsPerPremium(string frequency) => frequency switch
    {
        "monthly" => 1,
        "quarterly" => 3,
        _ => 12,
    };
}
