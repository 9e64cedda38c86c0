using Bogus;
using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>
/// loans_db (phase 5). Unlike the reference, a loan is the continuation of its approved application:
/// same customer, same type, principal = approved amount, disbursed after the decision.
/// </summary>
internal static class LoansDbGenerators
{
    private const string Database = "loans_db";

    private static readonly WeightedChoice<string> ApplicationStatuses = VocabularyChoice.Of(
        Vocabularies.LoanApplicationsStatus, ("approved", 0.65), ("pending", 0.10), ("rejected", 0.20), ("withdrawn", 0.05));

    private static readonly string[] RejectionReasons =
    [
        "Insufficient credit history", "Low credit score", "High debt-to-income ratio", "Incomplete documentation",
        "Unstable employment history", "Insufficient collateral value",
    ];

    private static readonly WeightedChoice<string> BusinessCollateral = VocabularyChoice.Of(
        Vocabularies.CollateralCollateralType, ("equipment", 0.50), ("property", 0.30), ("securities", 0.20));

    private static readonly string[] Vehicles =
    [
        "Toyota Camry", "Honda Accord", "Ford F-150", "Chevrolet Silverado", "Tesla Model 3", "Subaru Outback", "Jeep Grand Cherokee",
        "Hyundai Tucson", "BMW X5", "Nissan Rogue", "Kia Telluride", "Mazda CX-5",
    ];

    private static readonly string[] Equipment =
    [
        "CNC milling machines", "commercial kitchen equipment", "delivery van fleet", "point-of-sale systems", "industrial printers",
        "construction excavator", "medical imaging equipment", "warehouse forklifts",
    ];

    private static readonly string[] Homes = ["Single-family home", "Townhouse", "Condominium", "Duplex"];

    // The reference's family_member and co-signer are not in the vocabulary: they map to 'other'.
    private static readonly WeightedChoice<string> PersonalGuarantors = VocabularyChoice.Of(
        Vocabularies.LoanGuarantorsRelationship, ("spouse", 0.30), ("parent", 0.25), ("sibling", 0.20), ("child", 0.05), ("friend", 0.12), ("other", 0.08));

    private static readonly WeightedChoice<string> BusinessGuarantors = VocabularyChoice.Of(
        Vocabularies.LoanGuarantorsRelationship, ("business_partner", 0.60), ("spouse", 0.15), ("friend", 0.10), ("other", 0.15));

    private static readonly string[] FamilyRelationships = ["spouse", "parent", "sibling", "child"];

    public static ITableLoad LoanApplications(SeedContext ctx) => new TableLoad<LoanApplicationRow>(
        Database,
        "loan_applications",
        LoanApplicationRows(ctx),
        ("application_id", static (w, r) => w.Write(r.ApplicationId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("loan_type", static (w, r) => w.Write(r.LoanType, NpgsqlDbType.Varchar)),
        ("requested_amount", static (w, r) => w.Write(r.RequestedAmount, NpgsqlDbType.Numeric)),
        ("application_date", static (w, r) => w.Write(r.ApplicationDate, NpgsqlDbType.Date)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("officer_id", static (w, r) => w.Write(r.OfficerId, NpgsqlDbType.Varchar)),
        ("decision_date", static (w, r) => w.WriteNullable(r.DecisionDate, NpgsqlDbType.Date)),
        ("approved_amount", static (w, r) => w.WriteNullable(r.ApprovedAmount, NpgsqlDbType.Numeric)),
        ("rejection_reason", static (w, r) => w.WriteText(r.RejectionReason, NpgsqlDbType.Text)));

    public static ITableLoad Loans(SeedContext ctx) => new TableLoad<LoanRow>(
        Database,
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

    public static ITableLoad Collateral(SeedContext ctx) => new TableLoad<CollateralRow>(
        Database,
        "collateral",
        CollateralRows(ctx),
        ("collateral_id", static (w, r) => w.Write(r.CollateralId, NpgsqlDbType.Varchar)),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("collateral_type", static (w, r) => w.Write(r.CollateralType, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("appraised_value", static (w, r) => w.Write(r.AppraisedValue, NpgsqlDbType.Numeric)),
        ("appraisal_date", static (w, r) => w.Write(r.AppraisalDate, NpgsqlDbType.Date)),
        ("ltv_ratio", static (w, r) => w.Write(r.LtvRatio, NpgsqlDbType.Numeric)));

    public static ITableLoad RepaymentSchedule(SeedContext ctx) => new TableLoad<RepaymentScheduleRow>(
        Database,
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

    public static ITableLoad LoanGuarantors(SeedContext ctx) => new TableLoad<LoanGuarantorRow>(
        Database,
        "loan_guarantors",
        LoanGuarantorRows(ctx),
        ("loan_id", static (w, r) => w.Write(r.LoanId, NpgsqlDbType.Varchar)),
        ("guarantor_name", static (w, r) => w.Write(r.GuarantorName, NpgsqlDbType.Varchar)),
        ("relationship", static (w, r) => w.Write(r.Relationship, NpgsqlDbType.Varchar)),
        ("contact_info", static (w, r) => w.Write(r.ContactInfo, NpgsqlDbType.Text)),
        ("guarantee_amount", static (w, r) => w.Write(r.GuaranteeAmount, NpgsqlDbType.Numeric)));

    public static ITableLoad RiskAssessments(SeedContext ctx) => new TableLoad<RiskAssessmentRow>(
        Database,
        "risk_assessments",
        RiskAssessmentRows(ctx),
        ("loan_id", static (w, r) => w.WriteText(r.LoanId)),
        ("application_id", static (w, r) => w.WriteText(r.ApplicationId)),
        ("assessment_date", static (w, r) => w.Write(r.AssessmentDate, NpgsqlDbType.Date)),
        ("risk_score", static (w, r) => w.Write(r.RiskScore, NpgsqlDbType.Integer)),
        ("pd_probability", static (w, r) => w.Write(r.PdProbability, NpgsqlDbType.Numeric)),
        ("credit_grade", static (w, r) => w.Write(r.CreditGrade, NpgsqlDbType.Varchar)),
        ("assessed_by", static (w, r) => w.Write(r.AssessedBy, NpgsqlDbType.Varchar)));

    private static IEnumerable<LoanApplicationRow> LoanApplicationRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("loan_applications");
        var registry = ctx.Loans;
        registry.ResetApplications();
        var customers = ctx.Customers.Count;
        var applicants = new SelectionSample((int)(0.35 * customers), customers);
        var application = 0;
        for (var c = 0; c < customers; c++)
        {
            if (!applicants.Next(random))
            {
                continue;
            }

            var earliest = ctx.Customers.CreatedAt(c).Day().Max(ctx.AsOf.AddDays(-730));
            for (var k = random.Chance(0.20) ? 2 : 1; k > 0; k--)
            {
                var type = LoanProducts.Types.Pick(random);
                var product = LoanProducts.Of(type);
                var requested = RoundToHundreds(random.Decimal(product.MinAmount, product.MaxAmount));
                var status = ApplicationStatuses.Pick(random);

                // A decided application is old enough for its decision (and an approved one for its
                // disbursement, up to 44 days later) to lie in the past; a pending one is recent.
                var latest = status switch
                {
                    "approved" => ctx.AsOf.AddDays(-45),
                    "rejected" => ctx.AsOf.AddDays(-31),
                    "withdrawn" => ctx.AsOf.AddDays(-1),
                    _ => ctx.AsOf,
                };
                if (earliest > latest)
                {
                    status = "pending";
                    latest = ctx.AsOf;
                }

                var applied = random.DateBetween(status == "pending" ? earliest.Max(ctx.AsOf.AddDays(-45)) : earliest, latest);
                var officer = ctx.Employees.Pick(random, StaffPool.LoanOfficers, applied);
                DateOnly? decided = status is "approved" or "rejected" ? applied.AddDays(random.Number(1, 30)) : null;
                decimal? approved = status == "approved" ? RoundToHundreds(requested * random.Decimal(0.80m, 1.00m)) : null;
                var reason = status == "rejected" ? random.ArrayElement(RejectionReasons) : null;

                registry.AddApplication(new ApplicationFact(c, type, status, applied, decided, approved, officer));
                yield return new LoanApplicationRow(
                    ctx.Ids.Application(application++),
                    ctx.Ids.Customer(c),
                    type,
                    requested,
                    applied,
                    status,
                    ctx.Ids.Employee(officer),
                    decided,
                    approved,
                    reason);
            }
        }
    }

    private static decimal RoundToHundreds(decimal amount) => Math.Round(amount / 100m, MidpointRounding.AwayFromZero) * 100m;

    private static IEnumerable<LoanRow> LoanRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("loans");
        var registry = ctx.Loans;
        registry.ResetLoans();
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

            registry.AddLoan(fact);
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
    }

    private static IEnumerable<CollateralRow> CollateralRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("collateral");
        var random = ctx.RandomFor("collateral");
        var collateral = 0;
        for (var l = 0; l < ctx.Loans.Loans.Count; l++)
        {
            var loan = ctx.Loans.Loans[l];

            // Secured types only, and 20 % of those have no collateral on file (as in the reference).
            var type = loan.Type switch
            {
                "mortgage" => "property",
                "auto" => "vehicle",
                "business" => BusinessCollateral.Pick(random),
                _ => null,
            };
            if (type is null || !random.Chance(0.80))
            {
                continue;
            }

            var appraised = Math.Round(loan.Principal * random.Decimal(1.10m, 1.50m), 2);
            var description = type switch
            {
                "property" when loan.Type == "mortgage" =>
                    $"{random.ArrayElement(Homes)} at {faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()}",
                "property" => $"Commercial property at {faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()}",
                "vehicle" => $"{random.Number(ctx.AsOf.Year - 8, ctx.AsOf.Year)} {random.ArrayElement(Vehicles)}",
                "equipment" => $"Business equipment: {random.ArrayElement(Equipment)}",
                _ => $"Pledged brokerage portfolio of {faker.Company.CompanyName()} ({random.Number(5, 40)} positions)",
            };

            // Appraised while the application was being decided, before the money was paid out.
            var appraisal = loan.Disbursement.AddDays(-random.Number(7, 30)).Max(loan.ApplicationDate);
            yield return new CollateralRow(
                ctx.Ids.Collateral(collateral++),
                ctx.Ids.Loan(l),
                VocabularyChoice.Value(Vocabularies.CollateralCollateralType, type),
                description,
                appraised,
                appraisal,
                Math.Round(loan.Principal / appraised, 4));
        }
    }

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

    private static IEnumerable<LoanGuarantorRow> LoanGuarantorRows(SeedContext ctx)
    {
        var faker = ctx.FakerFor("loan_guarantors");
        var random = ctx.RandomFor("loan_guarantors");
        var personas = new CustomerPersonas(ctx);
        var loans = ctx.Loans.Loans;
        var guaranteed = new SelectionSample((int)(0.25 * loans.Count), loans.Count);
        for (var l = 0; l < loans.Count; l++)
        {
            if (!guaranteed.Next(random))
            {
                continue;
            }

            var loan = loans[l];
            var borrower = personas.For(loan.Customer);
            var hasSpouse = false;
            for (var k = random.Chance(0.30) ? 2 : 1; k > 0; k--)
            {
                var relationship = (loan.Type == "business" ? BusinessGuarantors : PersonalGuarantors).Pick(random);
                if (relationship == "spouse" && hasSpouse)
                {
                    relationship = "sibling";
                }

                hasSpouse |= relationship == "spouse";

                // Relatives usually share the borrower's family name.
                var first = faker.Name.FirstName();
                var last = FamilyRelationships.Contains(relationship) && random.Chance(0.85) ? borrower.LastName : faker.Name.LastName();
                yield return new LoanGuarantorRow(
                    ctx.Ids.Loan(l),
                    $"{first} {last}",
                    relationship,
                    $"{faker.Internet.Email(first, last)}, {ContactDetails.Phone(random)}",
                    Math.Round(loan.Principal * random.Decimal(0.50m, 1.00m), 2));
            }
        }
    }

    private static IEnumerable<RiskAssessmentRow> RiskAssessmentRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("risk_assessments");
        var registry = ctx.Loans;

        // Every application was scored when it came in; the score explains the decision.
        for (var a = 0; a < registry.Applications.Count; a++)
        {
            var application = registry.Applications[a];
            var score = application.Status switch
            {
                "approved" => random.Number(650, 850),
                "rejected" => random.Number(480, 700),
                _ => random.Number(560, 820),
            };
            yield return Assessment(ctx, random, null, ctx.Ids.Application(a), application.ApplicationDate, score);
        }

        // 40 % of loans were reassessed later; the score reflects how repayment went.
        var reassessed = new SelectionSample((int)(0.40 * registry.Loans.Count), registry.Loans.Count);
        for (var l = 0; l < registry.Loans.Count; l++)
        {
            if (!reassessed.Next(random))
            {
                continue;
            }

            var loan = registry.Loans[l];
            var date = loan.Status == "defaulted"
                ? loan.DueDate(loan.DefaultFrom).AddDays(random.Number(30, 120)).Min(ctx.AsOf)
                : loan.Disbursement.AddDays(random.Number(180, 730)).Min(ctx.AsOf);
            var score = loan.Status switch
            {
                "defaulted" => random.Number(300, 550),
                "paid_off" => random.Number(700, 850),
                _ => random.Number(600, 800),
            };
            yield return Assessment(ctx, random, ctx.Ids.Loan(l), null, date, score);
        }
    }

    private static RiskAssessmentRow Assessment(SeedContext ctx, SeedRandom random, string? loanId, string? applicationId, DateOnly date, int score) =>
        new(loanId,
            applicationId,
            date,
            score,
            CreditScoring.ProbabilityOfDefault(score),
            VocabularyChoice.Value(Vocabularies.RiskAssessmentsCreditGrade, CreditScoring.Grade(score)),
            ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.RiskAssessors, date)));
}
