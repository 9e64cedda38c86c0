namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>
/// Grade and probability of default as functions of the risk score, so the three columns of a
/// risk assessment always agree (a grade drawn at random within a score band could contradict them).
/// </summary>
internal static class CreditScoring
{
    private static readonly (int MinScore, string Grade)[] Grades =
    [
        (800, "AAA"), (760, "AA"), (720, "A"), (680, "BBB"), (640, "BB"), (600, "B"), (560, "CCC"), (520, "CC"), (480, "C"), (0, "D"),
    ];

    public static string Grade(int score) => Grades.First(g => score >= g.MinScore).Grade;

    /// <summary>A logistic curve: about 5 % at 650, 34 % at 550, 0.1 % at 850; four decimals like the column.</summary>
    public static decimal ProbabilityOfDefault(int score) =>
        Math.Clamp(Math.Round((decimal)(1.0 / (1.0 + Math.Exp((score - 520) / 45.0))), 4), 0.0001m, 0.9999m);
}
