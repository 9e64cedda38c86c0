using System.Globalization;
using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>insurance_db.claims: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class ClaimsTable
{
    private static readonly WeightedChoice<string> ClaimOutcomes = VocabularyChoice.Of(
        Vocabularies.ClaimsStatus, ("paid", 0.70), ("approved", 0.10), ("rejected", 0.20));

    private static readonly Dictionary<string, string[]> ClaimDescriptions = new(StringComparer.Ordinal)
    {
        ["death"] = ["Death benefit claim filed by the beneficiaries.", "Claim for the death benefit after the insured passed away."],
        ["accident"] = ["Rear-end collision at an intersection; bumper and trunk damaged.", "Single-vehicle accident on a wet road.", "Injury from a fall while travelling; emergency treatment."],
        ["property_damage"] = ["Water damage from a burst pipe in the kitchen.", "Storm damage to the roof and gutters.", "Fire in the garage; contents destroyed.", "Hail damage to the vehicle body."],
        ["medical"] = ["Outpatient surgery and follow-up visits.", "Emergency room visit and diagnostics.", "Hospital stay of three days.", "Physiotherapy sessions after an injury."],
    };

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<ClaimRow>(
        InsuranceDb.Database,
        "claims",
        ClaimRows(ctx),
        ("claim_id", static (w, r) => w.Write(r.ClaimId, NpgsqlDbType.Varchar)),
        ("policy_id", static (w, r) => w.Write(r.PolicyId, NpgsqlDbType.Varchar)),
        ("claim_number", static (w, r) => w.Write(r.ClaimNumber, NpgsqlDbType.Varchar)),
        ("claim_type", static (w, r) => w.Write(r.ClaimType, NpgsqlDbType.Varchar)),
        ("claim_amount", static (w, r) => w.Write(r.ClaimAmount, NpgsqlDbType.Numeric)),
        ("claim_date", static (w, r) => w.Write(r.ClaimDate, NpgsqlDbType.Date)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("approved_amount", static (w, r) => w.WriteNullable(r.ApprovedAmount, NpgsqlDbType.Numeric)),
        ("settlement_date", static (w, r) => w.WriteNullable(r.SettlementDate, NpgsqlDbType.Date)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("processed_by", static (w, r) => w.WriteText(r.ProcessedBy)));

    private static IEnumerable<ClaimRow> ClaimRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("claims");
        var claim = 0;
        for (var p = 0; p < ctx.Policies.Count; p++)
        {
            var policy = ctx.Policies[p];
            var until = policy.CoveredUntil(ctx.AsOf);
            if (until <= policy.Start)
            {
                continue;
            }

            var deceased = policy.Type == "life" && policy.Status == "matured";
            var count = policy.Type switch
            {
                "life" => deceased ? 1 : random.Chance(0.03) ? 1 : 0,
                "property" => random.Chance(0.60) ? random.Number(1, 2) : 0,
                "vehicle" => random.Chance(0.65) ? random.Number(1, 2) : 0,
                "health" => random.Chance(0.85) ? random.Number(1, 3) : 0,
                _ => random.Chance(0.35) ? 1 : 0,
            };

            // The death claim is dated on the day the policy ended; other claims fall within coverage.
            var dates = Enumerable.Range(0, count)
                .Select(_ => deceased ? policy.End : random.DateBetween(policy.Start.AddDays(1), until))
                .Order()
                .ToArray();
            foreach (var date in dates)
            {
                var type = ClaimType(random, policy.Type, deceased);
                var amount = type switch
                {
                    "death" => policy.Coverage,
                    "medical" => random.Money(200m, Math.Min(50_000m, policy.Coverage)),
                    "accident" => random.Money(500m, Math.Min(40_000m, policy.Coverage)),
                    _ => random.Money(1_000m, Math.Max(1_000m, policy.Coverage * 0.30m)),
                };

                // Recent claims are still being processed; older ones were decided.
                var age = ctx.AsOf.DayNumber - date.DayNumber;
                var status = age < 14 ? "submitted" : age < 45 ? "under_review" : ClaimOutcomes.Pick(random);
                decimal? approved = status is "approved" or "paid"
                    ? type == "death" ? amount : Math.Round(amount * random.Decimal(0.60m, 1.00m), 2)
                    : null;
                DateOnly? settled = status == "paid" ? date.AddDays(random.Number(10, 45)).Min(ctx.AsOf) : null;
                string? processedBy = status == "submitted"
                    ? null
                    : ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.InsuranceAgents, date));

                yield return new ClaimRow(
                    ctx.Ids.Claim(claim),
                    ctx.Ids.Policy(p),
                    ctx.Ids.ClaimNumber(claim),
                    type,
                    amount,
                    date,
                    VocabularyChoice.Value(Vocabularies.ClaimsStatus, status),
                    approved,
                    settled,
                    random.ArrayElement(ClaimDescriptions[type]),
                    processedBy);
                claim++;
            }
        }
    }

    private static string ClaimType(SeedRandom random, string policyType, bool deceased)
    {
        var type = policyType switch
        {
            "life" => deceased ? "death" : "accident",
            "property" => "property_damage",
            "vehicle" => random.Chance(0.70) ? "accident" : "property_damage",
            "health" => "medical",
            _ => random.Chance(0.70) ? "medical" : "accident",
        };
        return VocabularyChoice.Value(Vocabularies.ClaimsClaimType, type);
    }
}

internal readonly record struct ClaimRow(
    string ClaimId,
    string PolicyId,
    string ClaimNumber,
    string ClaimType,
    decimal ClaimAmount,
    DateOnly ClaimDate,
    string Status,
    decimal? ApprovedAmount,
    DateOnly? SettlementDate,
    string Description,
    string? ProcessedBy);
