namespace DHub.Core.Seeding.Generators.Loans;

/// <summary>
/// loans_db (phase 5). A loan is the continuation of its approved application: same customer, same
/// type, principal = approved amount, disbursed after the decision.
/// </summary>
internal static class LoansDb
{
    internal const string Database = "loans_db";
}
