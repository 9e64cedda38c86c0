namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>A rule as violations need it: what it limits, and since when it is enforced.</summary>
internal readonly record struct RuleFact(string Type, decimal? Threshold, bool IsActive, DateOnly Created);

/// <summary>
/// An AML check that raised a concern (aml_flag = true): suspicious activity reports are filed
/// only for these. Account and transaction are set for transaction-monitoring checks.
/// </summary>
internal readonly record struct AmlFlag(int Customer, DateTime At, string CheckType, string RiskLevel, int? Account, decimal? Amount);

internal sealed class ComplianceRegistry
{
    public ProducedFacts<RuleFact> Rules { get; } = new("compliance_db.compliance_rules");

    /// <summary>A few percent of the AML checks; the checks themselves are streamed, not kept.</summary>
    public ProducedFacts<AmlFlag> Flags { get; } = new("compliance_db.aml_checks");
}
