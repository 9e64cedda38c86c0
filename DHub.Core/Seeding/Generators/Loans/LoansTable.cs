using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.loans: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class LoansTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<LoanRow>(
        LoansDb.Database,
        "loans",
        LoanRows(ctx),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("application_id", static (w, r) => w.Write(r.ApplicationId, NpgsqlDbType.Varchar)),
        ("loan_number", static (w, r) => w.Write(r.LoanNumber, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("linked_account_id", static (w, r) => w.WriteText(r.LinkedAccountId)),
        ("loan_type", static (w, r) => w.Write(r.LoanType, NpgsqlDbType.Varchar)),
        ("principal_amount", static (w, r) => w.Write(r.PrincipalAmount, NpgsqlDbType.Numeric)),
        ("interest_rate", static (w, r) => w.Write(r.InterestRate, NpgsqlDbType.Numeric)),
        ("term_months", static (w, r) => w.Write(r.TermMonths, NpgsqlDbType.Integer)),
        ("disbursement_date", static (w, r) => w.Write(r.DisbursementDate, NpgsqlDbType.Date)),
        ("maturity_date", static (w, r) => w.Write(r.MaturityDate, NpgsqlDbType.Date)),
        ("loan_status", static (w, r) => w.Write(r.LoanStatus, NpgsqlDbType.Varchar)),
        ("outstanding_balance", static (w, r) => w.Write(r.OutstandingBalance, NpgsqlDbType.Numeric)),
        ("default_status", static (w, r) => w.Write(r.DefaultStatus, NpgsqlDbType.Boolean)),
        ("approved_by", static (w, r) => w.Write(r.ApprovedBy, NpgsqlDbType.Varchar)));

    private static IEnumerable<LoanRow> LoanRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("loans");
        var registry = ctx.Loans;
        registry.Loans.Begin();
        var loan = 0;
        for (var a = 0; a < registry.Applications.Count; a++)
        {
            var application = registry.Applications[a];
            if (application.Status != "approved")
            {
                continue;
            }

            var product = LoanProducts.Of(application.Type);
            var principal = application.ApprovedAmount!.Value;
            var rate = Math.Round(random.Decimal(product.MinRate, product.MaxRate), 4);
            var term = random.ArrayElement(product.TermsInMonths);
            var disbursement = application.DecisionDate!.Value.AddDays(random.Number(1, 14)).Min(ctx.AsOf);
            var story = RepaymentStory.Draw(random, disbursement, term, ctx.AsOf);
            var fact = new LoanFact(a, application.Customer, application.Type, principal, rate, term, application.ApplicationDate, disbursement,
                story.Status, story.DefaultFrom, story.PayoffFrom, story.PayoffDate, application.Officer);

            var amortization = new LoanAmortization(principal, rate, term);
            var outstanding = story.Status switch
            {
                "paid_off" => 0m,
                "defaulted" => amortization.RemainingAfter(story.DefaultFrom - 1),
                _ => amortization.RemainingAfter(story.DueCount),
            };

            // Repayments are collected from an active account of the borrower, when there is one.
            var active = ctx.Accounts.AccountsOf(application.Customer).Where(i => ctx.Accounts[i].Status == "active").ToArray();
            string? linked = active.Length > 0 ? ctx.Ids.Account(random.ArrayElement(active)) : null;

            registry.Loans.Add(fact);
            yield return new LoanRow(
                ctx.Ids.Loan(loan),
                ctx.Ids.Application(a),
                ctx.Ids.LoanNumber(loan),
                ctx.Ids.Customer(application.Customer),
                linked,
                application.Type,
                principal,
                rate,
                term,
                disbursement,
                disbursement.AddMonths(term),
                story.Status,
                outstanding,
                story.Status == "defaulted",
                ctx.Ids.Employee(application.Officer));
            loan++;
        }

        registry.Loans.Complete();
    }
}

internal readonly record struct LoanRow(
    string LoanId,
    string ApplicationId,
    string LoanNumber,
    string CustomerId,
    string? LinkedAccountId,
    string LoanType,
    decimal PrincipalAmount,
    decimal InterestRate,
    int TermMonths,
    DateOnly DisbursementDate,
    DateOnly MaturityDate,
    string LoanStatus,
    decimal OutstandingBalance,
    bool DefaultStatus,
    string ApprovedBy);
