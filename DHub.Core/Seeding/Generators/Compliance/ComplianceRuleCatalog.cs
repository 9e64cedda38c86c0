namespace DHub.Core.Seeding.Generators.Compliance;

/// <param name="AgeInYears">How long ago the rule was introduced; the oldest rules predate all generated history.</param>
internal sealed record ComplianceRule(string Name, string Type, decimal? Threshold, bool IsActive, int AgeInYears, string Description);

/// <summary>
/// The bank's 18 automated rules (fixed, do not scale). Thresholds of transaction_limit rules are
/// amounts, of velocity_check rules counts; violations cite only rules in force at the time.
/// </summary>
internal static class ComplianceRuleCatalog
{
    public static IReadOnlyList<ComplianceRule> All { get; } =
    [
        new("Currency Transaction Report Threshold", "transaction_limit", 10_000m, true, 9, "Transactions of $10,000 or more are reported to FinCEN (CTR)."),
        new("Large Wire Transfer Review", "transaction_limit", 50_000m, true, 9, "Transfers of $50,000 or more require a second review before release."),
        new("New Account High Opening Deposit", "transaction_limit", 25_000m, true, 8, "Opening deposits above $25,000 are checked against the customer's declared source of funds."),
        new("Money Market Large Movement", "transaction_limit", 100_000m, true, 8, "Movements of $100,000 or more on money-market accounts are escalated to compliance."),
        new("Counter Cash Withdrawal Limit", "transaction_limit", 3_000m, true, 8, "Cash withdrawals above $3,000 at a branch counter need a manager's approval."),
        new("Structuring Detection", "velocity_check", 3m, true, 9, "Three or more cash deposits between $8,000 and $10,000 within ten days."),
        new("Rapid Movement of Funds", "velocity_check", 5m, true, 9, "Five or more transfers in and out of an account within 48 hours."),
        new("High-Frequency Card Activity", "velocity_check", 25m, true, 8, "More than 25 card purchases in one day."),
        new("Dormant Account Reactivation", "velocity_check", 1m, true, 8, "Any large movement on an account dormant for twelve months or more."),
        new("Round-Amount Transfer Pattern", "velocity_check", 4m, true, 8, "Four or more round-amount transfers within a week."),
        new("OFAC Sanctioned Jurisdiction", "geographic_restriction", null, true, 10, "No business with persons or entities in OFAC-sanctioned jurisdictions."),
        new("High-Risk Country Wire", "geographic_restriction", 3_000m, true, 9, "Wires above $3,000 to or from FATF high-risk countries need enhanced due diligence."),
        new("FATF Grey List Monitoring", "geographic_restriction", null, true, 8, "Customers with ties to FATF grey-list countries are monitored."),
        new("Cross-Border Cash Movement", "geographic_restriction", 10_000m, true, 8, "Cross-border movements of cash of $10,000 or more must be declared."),
        new("Offshore Account Ownership Disclosure", "geographic_restriction", null, true, 2, "Customers must disclose offshore accounts they own or control."),
        new("Instant Payment Velocity Limit", "velocity_check", 10m, true, 1, "More than ten instant payments in one hour."),
        new("Legacy Daily Cash Limit", "transaction_limit", 5_000m, false, 10, "Retired: replaced by the counter cash withdrawal limit."),
        new("Embargoed Region Block", "geographic_restriction", null, false, 10, "Retired: superseded by the OFAC sanctioned jurisdiction rule."),
    ];
}
