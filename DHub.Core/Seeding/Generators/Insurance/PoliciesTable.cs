using System.Globalization;
using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>insurance_db.policies: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class PoliciesTable
{
    private static readonly WeightedChoice<string> Frequencies = VocabularyChoice.Of(
        Vocabularies.PoliciesPremiumFrequency, ("monthly", 0.50), ("quarterly", 0.20), ("annual", 0.30));

    private static readonly WeightedChoice<string> EndedStatuses = VocabularyChoice.Of(
        Vocabularies.PoliciesPolicyStatus, ("active", 0.83), ("lapsed", 0.08), ("cancelled", 0.09));

    private static readonly int[] LifeTermsInYears = [10, 15, 20, 30];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<PolicyRow>(
        InsuranceDb.Database,
        "policies",
        PolicyRows(ctx),
        ("policy_id", static (w, r) => w.Write(r.PolicyId, NpgsqlDbType.Varchar)),
        ("policy_number", static (w, r) => w.Write(r.PolicyNumber, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("policy_type", static (w, r) => w.Write(r.PolicyType, NpgsqlDbType.Varchar)),
        ("policy_status", static (w, r) => w.Write(r.PolicyStatus, NpgsqlDbType.Varchar)),
        ("coverage_amount", static (w, r) => w.Write(r.CoverageAmount, NpgsqlDbType.Numeric)),
        ("premium_amount", static (w, r) => w.Write(r.PremiumAmount, NpgsqlDbType.Numeric)),
        ("premium_frequency", static (w, r) => w.Write(r.PremiumFrequency, NpgsqlDbType.Varchar)),
        ("start_date", static (w, r) => w.Write(r.StartDate, NpgsqlDbType.Date)),
        ("end_date", static (w, r) => w.Write(r.EndDate, NpgsqlDbType.Date)),
        ("linked_account_id", static (w, r) => w.WriteText(r.LinkedAccountId)),
        ("agent_id", static (w, r) => w.Write(r.AgentId, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    private static IEnumerable<PolicyRow> PolicyRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("policies");
        var registry = ctx.Policies;
        registry.Begin();

        // 27.5 % of customers (the target is 25-30 %), chosen among customers who have not left the bank.
        var customers = ctx.Customers.Count;
        var open = Enumerable.Range(0, customers).Count(c => ctx.Profiles[c].Status != "closed");
        var holders = new SelectionSample((int)Math.Round(0.275 * customers), open);
        var policy = 0;
        for (var c = 0; c < customers; c++)
        {
            if (ctx.Profiles[c].Status == "closed" || !holders.Next(random))
            {
                continue;
            }

            var createdAt = ctx.Customers.CreatedAt(c);
            var type = InsuranceProducts.Types.Pick(random);
            var product = InsuranceProducts.Of(type);
            var start = random.DateBetween(createdAt.Day().Max(ctx.AsOf.AddYears(-4)), ctx.AsOf.AddDays(-1));
            var coverage = Math.Round(random.Decimal(product.MinCoverage, product.MaxCoverage) / 1000m, MidpointRounding.AwayFromZero) * 1000m;
            var frequency = type == "travel" ? "annual" : Frequencies.Pick(random);
            var yearlyPremium = coverage * random.Decimal(product.MinAnnualRate, product.MaxAnnualRate);
            var premium = Math.Round(yearlyPremium * InsuranceProducts.MonthsPerPremium(frequency) / 12m, 2);
            var (status, end) = Period(random, type, start, ctx.AsOf);

            // Premiums are collected from one of the holder's own open accounts, when there is one.
            var accounts = ctx.Accounts.AccountsOf(c).Where(a => ctx.Accounts[a].Status != "closed").ToArray();
            int? linked = accounts.Length > 0 ? random.ArrayElement(accounts) : null;
            var agent = ctx.Employees.Pick(random, StaffPool.InsuranceAgents, start);
            var created = random.TimeOn(start.AddDays(-random.Number(0, 14)), 9, 17).Max(createdAt);

            registry.Add(new PolicyFact(c, type, status, frequency, premium, coverage, start, end, linked, agent));
            yield return new PolicyRow(
                ctx.Ids.Policy(policy),
                ctx.Ids.PolicyNumber(policy),
                ctx.Ids.Customer(c),
                type,
                status,
                coverage,
                premium,
                frequency,
                start,
                end,
                linked is { } a ? ctx.Ids.Account(a) : null,
                ctx.Ids.Employee(agent),
                created);
            policy++;
        }

        registry.Complete();
    }

    /// <summary>Status and end date: the end of the term, or the day coverage stopped.</summary>
    private static (string Status, DateOnly End) Period(SeedRandom random, string type, DateOnly start, DateOnly asOf)
    {
        if (type == "travel")
        {
            var tripEnd = start.AddDays(random.Number(7, 45));
            return (tripEnd <= asOf ? "matured" : "active", tripEnd);
        }

        // A life policy pays out once: 4 % of insured persons died, which settles the policy.
        if (type == "life" && random.Chance(0.04) && start.AddDays(180) <= asOf.AddDays(-30))
        {
            return ("matured", random.DateBetween(start.AddDays(180), asOf.AddDays(-30)));
        }

        var status = EndedStatuses.Pick(random);
        if (status != "active" && start.AddDays(60) <= asOf)
        {
            return (status, random.DateBetween(start.AddDays(60), asOf));
        }

        if (type == "life")
        {
            return ("active", start.AddYears(random.ArrayElement(LifeTermsInYears)));
        }

        // Yearly renewals: the current term ends on the next anniversary.
        var years = 1;
        while (start.AddYears(years) <= asOf)
        {
            years++;
        }

        return ("active", start.AddYears(years));
    }
}

internal readonly record struct PolicyRow(
    string PolicyId,
    string PolicyNumber,
    string CustomerId,
    string PolicyType,
    string PolicyStatus,
    decimal CoverageAmount,
    decimal PremiumAmount,
    string PremiumFrequency,
    DateOnly StartDate,
    DateOnly EndDate,
    string? LinkedAccountId,
    string AgentId,
    DateTime CreatedAt);
