using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>How a loan has been repaid so far, decided once when the loan is generated.</summary>
/// <param name="DueCount">Installments whose due date is on or before the as-of day.</param>
internal readonly record struct RepaymentPlan(string Status, int DueCount, int DefaultFrom, int PayoffFrom, DateOnly? PayoffDate);

/// <summary>
/// The repayment story of a loan, told consistently by loans (status, outstanding balance) and
/// repayment_schedule (one status per installment). Installments due after the as-of day are
/// always pending with no payment date; a defaulted loan misses every installment from its
/// default on; an early payoff settles every remaining installment on the payoff day.
/// </summary>
internal static class RepaymentStory
{
    private static readonly string Paid = VocabularyChoice.Value(Vocabularies.RepaymentSchedulePaymentStatus, "paid");
    private static readonly string Late = VocabularyChoice.Value(Vocabularies.RepaymentSchedulePaymentStatus, "late");
    private static readonly string Missed = VocabularyChoice.Value(Vocabularies.RepaymentSchedulePaymentStatus, "missed");
    private static readonly string Pending = VocabularyChoice.Value(Vocabularies.RepaymentSchedulePaymentStatus, "pending");

    public static RepaymentPlan Draw(SeedRandom random, DateOnly disbursement, int term, DateOnly asOf)
    {
        var due = 0;
        while (due < term && disbursement.AddMonths(due + 1) <= asOf)
        {
            due++;
        }

        var draw = random.Double();
        if (due == term)
        {
            // Matured: repaid in full, or defaulted along the way.
            return draw < 0.03 && term >= 3
                ? new RepaymentPlan("defaulted", due, random.Number(Math.Max(1, term - 12), term - 2), 0, null)
                : new RepaymentPlan("paid_off", due, 0, 0, null);
        }

        // Default needs at least three missed installments behind it.
        if (draw < 0.05 && due >= 3)
        {
            return new RepaymentPlan("defaulted", due, random.Number(Math.Max(1, due - 12), due - 2), 0, null);
        }

        if (draw < 0.15 && due >= 1)
        {
            // Early payoff between the previous due date and the payoff installment's due date.
            var from = random.Number(1, due);
            var payoff = random.DateBetween(disbursement.AddMonths(from - 1).AddDays(1), disbursement.AddMonths(from).Min(asOf));
            return new RepaymentPlan("paid_off", due, 0, from, payoff);
        }

        return new RepaymentPlan(draw < 0.20 ? "restructured" : "active", due, 0, 0, null);
    }

    /// <summary>Status and payment date of installment <paramref name="number"/>.</summary>
    public static (string Status, DateOnly? PaymentDate) Outcome(SeedRandom random, in LoanFact loan, int number, DateOnly due, DateOnly asOf)
    {
        if (loan.PayoffFrom > 0 && number >= loan.PayoffFrom)
        {
            return (Paid, loan.PayoffDate);
        }

        if (due > asOf)
        {
            return (Pending, null);
        }

        if (loan.Status == "defaulted" && number >= loan.DefaultFrom)
        {
            return (Missed, null);
        }

        // A late payment arrives 5-15 days after the due date, so only installments due 15+ days ago
        // can be late; the installment before an early payoff was paid on time (before the payoff).
        var lateShare = loan.Status == "restructured" ? 0.20 : number == loan.PayoffFrom - 1 ? 0.0 : 0.05;
        return due.AddDays(15) <= asOf && random.Chance(lateShare)
            ? (Late, due.AddDays(random.Number(5, 15)))
            : (Paid, due.AddDays(-random.Number(0, 5)));
    }
}
