using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>compliance_db.compliance_rules: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class ComplianceRulesTable
{
    public static ITableLoad Load(SeedContext ctx) => new TableLoad<ComplianceRuleRow>(
        ComplianceDb.Database,
        "compliance_rules",
        ComplianceRuleRows(ctx),
        ("rule_id", static (w, r) => w.Write(r.RuleId, NpgsqlDbType.Varchar)),
        ("rule_name", static (w, r) => w.Write(r.RuleName, NpgsqlDbType.Varchar)),
        ("rule_type", static (w, r) => w.Write(r.RuleType, NpgsqlDbType.Varchar)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("threshold_value", static (w, r) => w.WriteNullable(r.ThresholdValue, NpgsqlDbType.Numeric)),
        ("is_active", static (w, r) => w.Write(r.IsActive, NpgsqlDbType.Boolean)),
        ("created_date", static (w, r) => w.Write(r.CreatedDate, NpgsqlDbType.Date)));

    private static IEnumerable<ComplianceRuleRow> ComplianceRuleRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("compliance_rules");
        ctx.Compliance.Rules.Begin();
        for (var i = 0; i < ComplianceRuleCatalog.All.Count; i++)
        {
            var rule = ComplianceRuleCatalog.All[i];
            var created = ctx.AsOf.AddYears(-rule.AgeInYears).AddDays(-random.Number(0, 180));
            var type = VocabularyChoice.Value(Vocabularies.ComplianceRulesRuleType, rule.Type);
            ctx.Compliance.Rules.Add(new RuleFact(type, rule.Threshold, rule.IsActive, created));
            yield return new ComplianceRuleRow(ctx.Ids.Rule(i), rule.Name, type, rule.Description, rule.Threshold, rule.IsActive, created);
        }

        ctx.Compliance.Rules.Complete();
    }
}

internal readonly record struct ComplianceRuleRow(
    string RuleId,
    string RuleName,
    string RuleType,
    string Description,
    decimal? ThresholdValue,
    bool IsActive,
    DateOnly CreatedDate);
