using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>
/// compliance_db.suspicious_activity_reports: filed only for customers whose AML checks raised a flag.
/// </summary>
internal static class SuspiciousActivityReportsTable
{
    private static readonly WeightedChoice<string> SarStatuses = VocabularyChoice.Of(
        Vocabularies.SuspiciousActivityReportsSarStatus, ("draft", 0.15), ("filed", 0.40), ("under_review", 0.25), ("closed", 0.20));

    private static readonly WeightedChoice<string> Tiers = VocabularyChoice.Of(
        Vocabularies.SuspiciousActivityReportsRegulatoryTier, ("tier1", 0.60), ("tier2", 0.30), ("tier3", 0.10));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<SuspiciousActivityReportRow>(
        ComplianceDb.Database,
        "suspicious_activity_reports",
        SuspiciousActivityReportRows(ctx),
        ("sar_id", static (w, r) => w.Write(r.SarId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("account_id", static (w, r) => w.WriteText(r.AccountId)),
        ("report_date", static (w, r) => w.Write(r.ReportDate, NpgsqlDbType.Date)),
        ("activity_type", static (w, r) => w.Write(r.ActivityType, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("sar_status", static (w, r) => w.Write(r.SarStatus, NpgsqlDbType.Varchar)),
        ("filed_date", static (w, r) => w.WriteNullable(r.FiledDate, NpgsqlDbType.Date)),
        ("regulatory_tier", static (w, r) => w.Write(r.RegulatoryTier, NpgsqlDbType.Varchar)),
        ("filed_by", static (w, r) => w.Write(r.FiledBy, NpgsqlDbType.Varchar)),
        ("amount_involved", static (w, r) => w.Write(r.AmountInvolved, NpgsqlDbType.Numeric)));

    private static IEnumerable<SuspiciousActivityReportRow> SuspiciousActivityReportRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("suspicious_activity_reports");

        // One report per customer, about the customer's most serious flag (the first high-risk one,
        // else the first one). High-risk flags are reported first; the target is 30-50 at scale 1.
        var worst = new SortedDictionary<int, AmlFlag>();
        foreach (var flag in ctx.Compliance.Flags)
        {
            if (!worst.TryGetValue(flag.Customer, out var current) || (current.RiskLevel != "high" && flag.RiskLevel == "high"))
            {
                worst[flag.Customer] = flag;
            }
        }

        var target = (int)Math.Round(ctx.Customers.Count / 30.0);
        var high = worst.Values.Where(f => f.RiskLevel == "high").ToList();
        var others = worst.Values.Where(f => f.RiskLevel != "high").ToList();
        var fromHigh = Math.Min(target, high.Count);
        var reported = Sample(random, high, fromHigh).Concat(Sample(random, others, target - fromHigh)).OrderBy(f => f.Customer);

        var sar = 0;
        foreach (var flag in reported)
        {
            var accounts = ctx.Accounts.AccountsOf(flag.Customer).ToArray();
            int? account = flag.Account ?? (accounts.Length > 0 ? random.ArrayElement(accounts) : null);
            var activity = flag switch
            {
                { CheckType: "transaction_monitoring", Amount: >= 8_000m and < 10_000m } => "structuring",
                { CheckType: "sanctions" or "watchlist" } => "high_risk_country",
                _ => "unusual_pattern",
            };

            // Structuring is a series of deposits just under the reporting threshold.
            var amount = flag.Amount is { } a
                ? activity == "structuring" ? a * random.Number(2, 4) : a
                : random.Money(5_000m, 250_000m);
            var reportDate = flag.At.Day().AddDays(random.Number(1, 20)).Min(ctx.AsOf);
            var status = reportDate >= ctx.AsOf ? "draft" : SarStatuses.Pick(random);
            DateOnly? filed = status == "draft" ? null : reportDate.AddDays(random.Number(1, 30)).Min(ctx.AsOf);

            yield return new SuspiciousActivityReportRow(
                ctx.Ids.Sar(sar++),
                ctx.Ids.Customer(flag.Customer),
                account is { } acc ? ctx.Ids.Account(acc) : null,
                reportDate,
                VocabularyChoice.Value(Vocabularies.SuspiciousActivityReportsActivityType, activity),
                Description(activity, amount),
                VocabularyChoice.Value(Vocabularies.SuspiciousActivityReportsSarStatus, status),
                filed,
                Tiers.Pick(random),
                ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.ComplianceOfficers, reportDate)),
                amount);
        }
    }

    private static IEnumerable<AmlFlag> Sample(SeedRandom random, List<AmlFlag> flags, int count)
    {
        var sample = new SelectionSample(count, flags.Count);
        return flags.Where(_ => sample.Next(random)).ToList();
    }

    private static string Description(string activity, decimal amount) => activity switch
    {
        "structuring" => $"Series of cash deposits just below the $10,000 reporting threshold, totalling {UsdText.Of(amount)}.",
        "high_risk_country" => $"Funds of {UsdText.Of(amount)} linked to a party in a high-risk jurisdiction after a screening hit.",
        _ => $"Activity of {UsdText.Of(amount)} inconsistent with the customer's profile and declared income.",
    };
}

internal readonly record struct SuspiciousActivityReportRow(
    string SarId,
    string CustomerId,
    string? AccountId,
    DateOnly ReportDate,
    string ActivityType,
    string Description,
    string SarStatus,
    DateOnly? FiledDate,
    string RegulatoryTier,
    string FiledBy,
    decimal AmountInvolved);
