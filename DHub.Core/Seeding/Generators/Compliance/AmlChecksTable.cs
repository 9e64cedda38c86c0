using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>
/// compliance_db.aml_checks. Every customer is screened at onboarding; most accounts had their
/// largest movement screened by transaction monitoring (a real transaction of an account of that
/// customer). The checks that raise a flag are recorded for the suspicious activity reports.
/// </summary>
internal static class AmlChecksTable
{
    // Screening outcome by the customer's risk rating.
    private static readonly Dictionary<string, WeightedChoice<string>> RiskLevels = new(StringComparer.Ordinal)
    {
        ["low"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.94), ("medium", 0.05), ("high", 0.01)),
        ["medium"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.70), ("medium", 0.24), ("high", 0.06)),
        ["high"] = VocabularyChoice.Of(Vocabularies.AmlChecksRiskLevel, ("low", 0.40), ("medium", 0.35), ("high", 0.25)),
    };

    private static readonly string Sanctions = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "sanctions");
    private static readonly string Watchlist = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "watchlist");
    private static readonly string PepScreening = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "pep_screening");
    private static readonly string TransactionMonitoring = VocabularyChoice.Value(Vocabularies.AmlChecksCheckType, "transaction_monitoring");

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<AmlCheckRow>(
        ComplianceDb.Database,
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

    private static IEnumerable<AmlCheckRow> AmlCheckRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("aml_checks");
        ctx.Compliance.Flags.Begin();
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

        ctx.Compliance.Flags.Complete();
    }

    private static AmlCheckRow Check(
        SeedContext ctx, SeedRandom random, long index, int customer, string type, DateTime at, int? account, long? transaction, decimal? amount, string level)
    {
        var flagged = level == "high" || (level == "medium" && random.Chance(0.25));
        if (flagged)
        {
            ctx.Compliance.Flags.Add(new AmlFlag(customer, at, type, level, account, amount));
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
}

internal readonly record struct AmlCheckRow(
    string CheckId,
    string CustomerId,
    string? TransactionId,
    DateTime CheckDate,
    string CheckType,
    bool AmlFlag,
    string RiskLevel,
    string ScreeningResult,
    string? ReviewedBy);
