namespace DHub.Core.Seeding.Generators.Customers;

/// <summary>
/// customer_db: the CRM view of every customer of the master (phase 1) and the CRM tables (phase 3):
/// campaigns, interactions, surveys, complaints, campaign responses.
/// </summary>
internal static class CustomerDb
{
    internal const string Database = "customer_db";
}
