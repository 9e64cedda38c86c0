namespace DHub.Core.Seeding.Generators.Insurance;

/// <summary>
/// insurance_db (phase 6). Policies belong to customers, premiums come from the holder's own accounts,
/// and claims, payments and events fall inside the policy period.
/// </summary>
internal static class InsuranceDb
{
    internal const string Database = "insurance_db";
}
