using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>The terms the bank offers for a loan type: amount range, rate range and terms.</summary>
internal sealed record LoanProduct(string Type, decimal MinAmount, decimal MaxAmount, decimal MinRate, decimal MaxRate, int[] TermsInMonths);

internal static class LoanProducts
{
    private static readonly LoanProduct[] All =
    [
        new("mortgage", 100_000m, 800_000m, 0.0325m, 0.0675m, [180, 240, 300, 360]),
        new("personal", 5_000m, 75_000m, 0.0599m, 0.1799m, [12, 24, 36, 48, 60]),
        new("auto", 15_000m, 80_000m, 0.0399m, 0.0899m, [36, 48, 60, 72]),
        new("business", 25_000m, 500_000m, 0.0499m, 0.1299m, [36, 60, 84, 120]),
        new("education", 5_000m, 100_000m, 0.0425m, 0.0875m, [60, 84, 120, 180]),
    ];

    public static WeightedChoice<string> Types { get; } = VocabularyChoice.Of(
        Vocabularies.LoanApplicationsLoanType, ("mortgage", 0.35), ("personal", 0.30), ("auto", 0.20), ("business", 0.10), ("education", 0.05));

    public static LoanProduct Of(string type) => All.First(p => p.Type == type);
}
