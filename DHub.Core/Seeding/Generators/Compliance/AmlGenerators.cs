using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>
/// compliance_db.aml_checks and suspicious_activity_reports (phase 7). Every customer is screened at
/// onboarding; most accounts had their largest movement screened by transaction monitoring (a real
/// transaction of an account of that customer). SARs are filed only for customers whose checks raised a flag.
/// </summary>
internal static class AmlGenerators
{
    private const string Database = ComplianceDbGenerators.Database;

    // Screening outcome by the customer's risk rating.
    private static readonly Dictionary<string, WeightedChoice<string>> RiskLevels = new(StringComparer.Ordinal)
    {
        ["low"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.94), ("medium", 0.05), ("high", 0.01)),
        ["medium"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.70), ("medium", 0.24), ("high", 0.06)),
        ["high"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.40), ("medium", 0.35), ("high", 0.25)),
    };

    private static readonly WeightedChoice<string> SarStatuses = VocabularyChoice.Of(
        Vocabularies.SuspiciousActivityReportsSarStatus, ("draft", 0.15), ("filed", 0.40), ("under_review", 0.25), ("closed", 0.20));

    private static readonly WeightedChoice<string> Tiers = VocabularyChoice.Of(
        Vocabularies.SuspiciousActivityReportsRegulatoryTier, ("tier1", 0.60), ("tier2", 0.30), ("tier3", 0.10));

    private static readonly string Sanctions = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "sanctions");
    private static readonly string Watchlist = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "watchlist");
    private static readonly string PepScreening = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "pep_screening");
    private static readonly string TransactionMonitoring = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "transaction_monitoring");

    public static ITableLoad AmlChecks(SeedContext ctx) => new TableLoad<AmlCheckRow>(
        Database,
        "aml_checks",
        AmlCheckRows(ctx),
        ("check_id", static (w, r) => w.Write(r.CheckId, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("transaction_id", static (w, r) => w.WriteText(r.TransactionId)),
        ("check_date", static (w, r) => w.Write(r.CheckDate, NpgsqlDbType.Timestamp)),
        ("check_type", static (w, r) => w.Write(r.CheckType, NpgsqlDbType.Varchar)),
        ("aml_flag", static (w, r) => w.Write(r.AmlFlag, NpgsqlDbType.Boolean)),
        ("risk_level", static (w, r) => w.Write(r.RiskLevel, NpgsqlDbType.Varchar)),
        ("screening_result", static (w, r) => w.Write(r.ScreeningResult, NpgsqlDbType.Text)),
        ("reviewed_by", static (w, r) => w.WriteText(r.ReviewedBy)));

    public static ITableLoad SuspiciousActivityReports(SeedContext ctx) => new TableLoad<SuspiciousActivityReportRow>(
        Database,
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

    private static IEnumerable<AmlCheckRow> AmlCheckRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("aml_checks");
        ctx.Compliance.ResetFlags();
        long check = 0;
        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var profile = ctx.Profiles[c];
            var createdAt = ctx.Customers.CreatedAt(c);

            // Onboarding screening, minutes after the customer was created; PEP screening for
            // private-banking and corporate customers and a sample of the others.
            var screenings = new List<string> { Sanctions, Watchlist };
            if (profile.Segment is "private_banking" or "corporate" || random.Chance(0.10))
            {
                screenings.Add(PepScreening);
            }

            foreach (var type in screenings)
            {
                var at = createdAt.AddMinutes(random.Number(1, 120)).Min(ctx.AsOfEndOfDay);
                yield return Check(ctx, random, check++, c, type, at, null, null, null, RiskLevels[profile.RiskRating].Pick(random));
            }

            // Transaction monitoring of each account's largest movement (80 % of accounts).
            foreach (var a in ctx.Accounts.AccountsOf(c))
            {
                if (!random.Chance(0.80))
                {
                    continue;
                }

                var account = ctx.Accounts[a];
                var (k, amount) = (account.Ledger.Largest, account.Ledger.LargestAmount);
                var level = RiskLevels[profile.RiskRating].Pick(random);
                if (amount >= 10_000m && random.Chance(0.30))
                {
                    level = level == "low" ? "medium" : "high"; // large amounts look riskier
                }

                var at = account.Ledger.LargestAt.AddMinutes(random.Number(1, 240)).Min(ctx.AsOfEndOfDay);
                yield return Check(ctx, random, check++, c, TransactionMonitoring, at, a, account.FirstTransaction + k, amount, level);
            }
        }
    }

    private static AmlCheckRow Check(
        SeedContext ctx, SeedRandom random, long index, int customer, string type, DateTime at, int? account, long? transaction, decimal? amount, string level)
    {
        var flagged = level == "high" || (level == "medium" && random.Chance(0.25));
        if (flagged)
        {
            ctx.Compliance.AddFlag(new AmlFlag(customer, at, type, level, account, amount));
        }

        // Anything above low risk is reviewed by a compliance officer; low-risk results are
        // auto-cleared, with a spot check of one in five.
        var reviewed = level != "low" || flagged || random.Chance(0.20);
        return new AmlCheckRow(
            ctx.Ids.AmlCheck(index),
            ctx.Ids.Customer(customer),
            transaction is { } t ? ctx.Ids.Transaction(t) : null,
            at,
            type,
            flagged,
            level,
            ScreeningResult(random, type, level, flagged, amount),
            reviewed ? ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.ComplianceOfficers, at.Day())) : null);
    }

    private static string ScreeningResult(SeedRandom random, string type, string level, bool flagged, decimal? amount)
    {
        var outcome = flagged ? 2 : level == "low" ? 0 : 1;
        return (type, outcome) switch
        {
            ("sanctions", 0) => "No match against the OFAC SDN and EU consolidated lists.",
            ("sanctions", 1) => "Partial name match on a sanctions list; cleared after date-of-birth comparison.",
            ("sanctions", _) => $"Possible match on the OFAC SDN list (name similarity {random.Number(82, 97)}%); escalated for review.",
            ("watchlist", 0) => "No hits on internal or commercial watchlists.",
            ("watchlist", 1) => "Adverse media hit on a namesake; no action needed.",
            ("watchlist", _) => "Adverse media linked to the customer; enhanced due diligence opened.",
            ("pep_screening", 0) => "Not a politically exposed person.",
            ("pep_screening", 1) => "Relative of a local official; standard monitoring.",
            ("pep_screening", _) => "Politically exposed person (foreign official); senior management approval required.",
            (_, 0) => $"Transaction of {UsdText.Of(amount ?? 0)} consistent with the customer's profile.",
            (_, 1) => $"Transaction of {UsdText.Of(amount ?? 0)} above the customer's usual activity; reviewed.",
            _ => $"Unusual transaction of {UsdText.Of(amount ?? 0)}, inconsistent with the declared source of funds.",
        };
    }

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
