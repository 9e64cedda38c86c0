namespace DHub.Core.Seeding.Generators.Compliance;

/// <summary>
/// compliance_db (phase 7): rules, KYC, AML checks and the reports they lead to, regulatory reports,
/// the audit trail and rule violations. Every record is about a real customer, account, loan or
/// transaction, at a moment that fits that entity's history.
/// </summary>
internal static class ComplianceDb
{
    internal const string Database = "compliance_db";
}
