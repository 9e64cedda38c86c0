namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db: the customer master (phase 1) and core banking (phase 2).</summary>
internal static class AccountsDb
{
    internal const string Database = "accounts_db";
}
