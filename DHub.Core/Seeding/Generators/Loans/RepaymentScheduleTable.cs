using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.repayment_schedule: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class RepaymentScheduleTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<RepaymentScheduleRow>(
        LoansDb.Database,
        "repayment_schedule",
        RepaymentScheduleRows(ctx),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("installment_number", static (w, r) => w.Write(r.InstallmentNumber, NpgsqlDbType.Integer)),
        ("due_date", static (w, r) => w.Write(r.DueDate, NpgsqlDbType.Date)),
        ("principal_amount", static (w, r) => w.Write(r.PrincipalAmount, NpgsqlDbType.Numeric)),
        ("interest_amount", static (w, r) => w.Write(r.InterestAmount, NpgsqlDbType.Numeric)),
        ("total_amount", static (w, r) => w.Write(r.TotalAmount, NpgsqlDbType.Numeric)),
        ("payment_date", static (w, r) => w.WriteNullable(r.PaymentDate, NpgsqlDbType.Date)),
        ("payment_status", static (w, r) => w.Write(r.PaymentStatus, NpgsqlDbType.Varchar)));

    private static IEnumerable<RepaymentScheduleRow> RepaymentScheduleRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("repayment_schedule");
        for (var l = 0; l < ctx.Loans.Loans.Count; l++)
        {
            var loan = ctx.Loans.Loans[l];
            var loanId = ctx.Ids.Loan(l);
            foreach (var installment in new LoanAmortization(loan.Principal, loan.InterestRate, loan.TermMonths).Installments())
            {
                var due = loan.DueDate(installment.Number);
                var (status, paid) = RepaymentStory.Outcome(random, loan, installment.Number, due, ctx.AsOf);
                yield return new RepaymentScheduleRow(
                    loanId, installment.Number, due, installment.Principal, installment.Interest, installment.Total, paid, status);
            }
        }
    }
}

internal readonly record struct RepaymentScheduleRow(
    string LoanId,
    int InstallmentNumber,
    DateOnly DueDate,
    decimal PrincipalAmount,
    decimal InterestAmount,
    decimal TotalAmount,
    DateOnly? PaymentDate,
    string PaymentStatus);
