namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>An application and its decision; approved ones become loans with the same customer, type and amount.</summary>
internal readonly record struct ApplicationFact(
    int Customer,
    string Type,
    string Status,
    DateOnly ApplicationDate,
    DateOnly? DecisionDate,
    decimal? ApprovedAmount,
    int Officer);

/// <summary>
/// A loan and its repayment story. <see cref="DefaultFrom"/> is the first missed installment of a
/// defaulted loan; <see cref="PayoffFrom"/> the first installment settled by an early payoff on
/// <see cref="PayoffDate"/> (0 when not applicable). The schedule, outstanding balance, audit trail
/// and risk reassessments all derive from these.
/// </summary>
internal readonly record struct LoanFact(
    int Application,
    int Customer,
    string Type,
    decimal Principal,
    decimal InterestRate,
    int TermMonths,
    DateOnly ApplicationDate,
    DateOnly Disbursement,
    string Status,
    int DefaultFrom,
    int PayoffFrom,
    DateOnly? PayoffDate,
    int Officer)
{
    public DateOnly DueDate(int installment) => Disbursement.AddMonths(installment);
}

internal sealed class LoanRegistry
{
    public ProducedFacts<ApplicationFact> Applications { get; } = new("loans_db.loan_applications");

    public ProducedFacts<LoanFact> Loans { get; } = new("loans_db.loans");
}
