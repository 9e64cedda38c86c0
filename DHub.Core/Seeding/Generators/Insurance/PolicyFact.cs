namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>
/// A policy's holder, terms and period. <see cref="End"/> is when coverage ends or ended (the
/// cancellation or lapse day for those, the death day for a settled life policy, else the end
/// of the current term, which may lie in the future).
/// </summary>
internal readonly record struct PolicyFact(
    int Customer,
    string Type,
    string Status,
    string Frequency,
    decimal Premium,
    decimal Coverage,
    DateOnly Start,
    DateOnly End,
    int? LinkedAccount,
    int Agent)
{
    /// <summary>The last day claims and payments can fall on: the end of coverage, or today.</summary>
    public DateOnly CoveredUntil(DateOnly asOf) => End.Min(asOf);
}
