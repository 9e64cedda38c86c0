using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>compliance_db.rule_violations: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class RuleViolationsTable
{
    private static readonly WeightedChoice<string> SettledViolations = VocabularyChoice.Of(
        Vocabularies.RuleViolationsStatus, ("resolved", 0.50), ("false_positive", 0.30), ("investigating", 0.12), ("open", 0.08));

    private static readonly WeightedChoice<string> RecentViolations = VocabularyChoice.Of(
        Vocabularies.RuleViolationsStatus, ("open", 0.60), ("investigating", 0.40));

    private static readonly WeightedChoice<string> VelocitySeverities = VocabularyChoice.Of(
        Vocabularies.RuleViolationsSeverity, ("low", 0.30), ("medium", 0.45), ("high", 0.20), ("critical", 0.05));

    private static readonly WeightedChoice<string> GeographicSeverities = VocabularyChoice.Of(
        Vocabularies.RuleViolationsSeverity, ("medium", 0.30), ("high", 0.50), ("critical", 0.20));

    // How a violation was settled depends on what was violated.
    private static readonly Dictionary<string, string[]> ResolutionNotes = new(StringComparer.Ordinal)
    {
        ["transaction"] =
        [
            "Source of funds documented; activity consistent with the customer's profile.",
            "Customer provided invoices supporting the movement.",
            "Currency transaction report filed with FinCEN.",
            "Limit exception approved by the branch manager.",
        ],
        ["account"] =
        [
            "Activity explained by the customer's business cycle.",
            "Account placed under enhanced monitoring for 90 days.",
            "Customer confirmed the transfers were between their own accounts.",
        ],
        ["customer"] =
        [
            "Customer contacted; relationship reviewed and risk rating updated.",
            "Counterparty confirmed to be outside the restricted jurisdiction.",
            "Enhanced due diligence completed; relationship continued.",
        ],
    };

    private static readonly string[] FalsePositiveNotes =
    [
        "False positive: name similarity only, different date of birth.",
        "False positive: payroll batch misread as a pattern.",
        "False positive: transfer between the customer's own accounts.",
    ];

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<RuleViolationRow>(
        ComplianceDb.Database,
        "rule_violations",
        RuleViolationRows(ctx),
        ("violation_id", static (w, r) => w.Write(r.ViolationId, NpgsqlDbType.Varchar)),
        ("rule_id", static (w, r) => w.Write(r.RuleId, NpgsqlDbType.Varchar)),
        ("entity_type", static (w, r) => w.Write(r.EntityType, NpgsqlDbType.Varchar)),
        ("entity_id", static (w, r) => w.Write(r.EntityId, NpgsqlDbType.Varchar)),
        ("violation_date", static (w, r) => w.Write(r.ViolationDate, NpgsqlDbType.Timestamp)),
        ("severity", static (w, r) => w.Write(r.Severity, NpgsqlDbType.Varchar)),
        ("status", static (w, r) => w.Write(r.Status, NpgsqlDbType.Varchar)),
        ("resolution_notes", static (w, r) => w.WriteText(r.ResolutionNotes, NpgsqlDbType.Text)),
        ("resolved_by", static (w, r) => w.WriteText(r.ResolvedBy)),
        ("resolved_date", static (w, r) => w.WriteNullable(r.ResolvedDate, NpgsqlDbType.Date)));

    private static IEnumerable<RuleViolationRow> RuleViolationRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("rule_violations");
        var rules = ctx.Compliance.Rules;
        var accounts = ctx.Accounts;
        var violation = 0;

        // Monitored accounts (17 % of customers' worth): half of them breached a transaction limit with
        // their largest movement (when it is big enough), the others tripped a velocity check.
        var monitored = new SelectionSample((int)(0.17 * ctx.Customers.Count), accounts.Count);
        for (var a = 0; a < accounts.Count; a++)
        {
            if (!monitored.Next(random))
            {
                continue;
            }

            var account = accounts[a];
            var (k, amount) = (account.Ledger.Largest, account.Ledger.LargestAmount);
            var at = account.Ledger.LargestAt.AddMinutes(random.Number(1, 90)).Min(ctx.AsOfEndOfDay);
            var limit = random.Chance(0.50) ? Strictest(rules, "transaction_limit", at.Day(), amount) : null;
            if (limit is { } rule)
            {
                yield return Violation(ctx, random, violation++, rule, "transaction", ctx.Ids.Transaction(account.FirstTransaction + k), at,
                    TransactionSeverity(amount, rules[rule].Threshold!.Value));
                continue;
            }

            var accountEnd = account.Closed is { } closed ? closed.ToDateTime(new TimeOnly(16, 0)) : ctx.AsOfEndOfDay;
            var when = random.MomentBetween(account.Opened.ToDateTime(new TimeOnly(9, 0)), accountEnd);
            if (AnyRule(random, rules, "velocity_check", when.Day()) is { } velocity)
            {
                yield return Violation(ctx, random, violation++, velocity, "account", ctx.Ids.Account(a), when, VelocitySeverities.Pick(random));
            }
        }

        // Customers with ties to restricted geographies; riskier customers far more often.
        for (var c = 0; c < ctx.Customers.Count; c++)
        {
            var chance = ctx.Profiles[c].RiskRating switch { "high" => 0.30, "medium" => 0.08, _ => 0.03 };
            if (!random.Chance(chance))
            {
                continue;
            }

            var when = random.MomentBetween(ctx.Customers.CreatedAt(c), ctx.AsOfEndOfDay);
            if (AnyRule(random, rules, "geographic_restriction", when.Day()) is { } geographic)
            {
                yield return Violation(ctx, random, violation++, geographic, "customer", ctx.Ids.Customer(c), when, GeographicSeverities.Pick(random));
            }
        }
    }

    // The active limit with the highest threshold the amount reaches, among rules in force that day.
    private static int? Strictest(IReadOnlyList<RuleFact> rules, string type, DateOnly day, decimal amount)
    {
        int? best = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Type == type && rule.IsActive && rule.Created <= day && rule.Threshold <= amount
                && (best is null || rule.Threshold > rules[best.Value].Threshold))
            {
                best = i;
            }
        }

        return best;
    }

    private static int? AnyRule(SeedRandom random, IReadOnlyList<RuleFact> rules, string type, DateOnly day)
    {
        var candidates = Enumerable.Range(0, rules.Count).Where(i => rules[i].Type == type && rules[i].IsActive && rules[i].Created <= day).ToArray();
        return candidates.Length == 0 ? null : random.ArrayElement(candidates);
    }

    private static string TransactionSeverity(decimal amount, decimal threshold) => (amount / threshold) switch
    {
        >= 10m => "critical",
        >= 3m => "high",
        >= 1.5m => "medium",
        _ => "low",
    };

    private static RuleViolationRow Violation(SeedContext ctx, SeedRandom random, int index, int rule, string entityType, string entityId, DateTime at, string severity)
    {
        // Violations of the last two weeks are still open; older ones were mostly settled within a month.
        var recent = ctx.AsOf.DayNumber - at.Day().DayNumber < 14;
        var status = (recent ? RecentViolations : SettledViolations).Pick(random);
        string? notes = null;
        string? resolvedBy = null;
        DateOnly? resolved = null;
        if (status is "resolved" or "false_positive")
        {
            resolved = at.Day().AddDays(random.Number(1, 30)).Min(ctx.AsOf);
            resolvedBy = ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.ComplianceOfficers, resolved.Value));
            notes = random.ArrayElement(status == "resolved" ? ResolutionNotes[entityType] : FalsePositiveNotes);
        }

        return new RuleViolationRow(
            ctx.Ids.Violation(index),
            ctx.Ids.Rule(rule),
            VocabularyChoice.Value(Vocabularies.RuleViolationsEntityType, entityType),
            entityId,
            at,
            VocabularyChoice.Value(Vocabularies.RuleViolationsSeverity, severity),
            status,
            notes,
            resolvedBy,
            resolved);
    }
}

internal readonly record struct RuleViolationRow(
    string ViolationId,
    string RuleId,
    string EntityType,
    string EntityId,
    DateTime ViolationDate,
    string Severity,
    string Status,
    string? ResolutionNotes,
    string? ResolvedBy,
    DateOnly? ResolvedDate);
