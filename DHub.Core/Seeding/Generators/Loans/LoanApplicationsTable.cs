using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>loans_db.loan_applications: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class LoanApplicationsTable
{
    private static readonly WeightedChoice<string> ApplicationStatuses = VocabularyChoice.Of(
        Vocabularies.LoanApplicationsStatus, ("approved", 0.65), ("pending", 0.10), ("rejected", 0.20), ("withdrawn", 0.05));

    private static readonly string[] RejectionReasons =
    [
        "Insufficient credit history", "Low credit score", "High debt-to-income ratio", "Incomplete documentation",
        "Unstable employment history", "Insufficient collateral value",
    ];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<LoanApplicationRow>(
        LoansDb.Database,
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

    private static IEnumerable<LoanApplicationRow> LoanApplicationRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("loan_applications");
        var registry = ctx.Loans;
        registry.Applications.Begin();
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

                registry.Applications.Add(new ApplicationFact(c, type, status, applied, decided, approved, officer));
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

        registry.Applications.Complete();
    }

    private static decimal RoundToHundreds(decimal amount) => Math.Round(amount / 100m, MidpointRounding.AwayFromZero) * 100m;
}

internal readonly record struct LoanApplicationRow(
    string ApplicationId,
    string CustomerId,
    string LoanType,
    decimal RequestedAmount,
    DateOnly ApplicationDate,
    string Status,
    string OfficerId,
    DateOnly? DecisionDate,
    decimal? ApprovedAmount,
    string? RejectionReason);
