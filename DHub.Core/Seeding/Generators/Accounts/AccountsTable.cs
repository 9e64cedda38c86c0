using DHub.Core.Schema;
using DHub.Core.Seeding.Randomness;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db.accounts: its COPY columns, the rules its rows follow, and the rows.</summary>
internal static class AccountsTable
{
    private static readonly WeightedChoice<string> AccountTypes = VocabularyChoice.Of(
        Vocabularies.AccountsAccountType, ("checking", 0.50), ("savings", 0.30), ("money_market", 0.15), ("cd", 0.05));

    private static readonly WeightedChoice<string> AccountStatuses = VocabularyChoice.Of(
        Vocabularies.AccountsAccountStatus, ("active", 0.92), ("frozen", 0.05), ("closed", 0.03));

    private static readonly WeightedChoice<string> ForeignCurrencies = new(("EUR", 1.0), ("GBP", 1.0), ("CAD", 1.0));

    public static ITableLoad Load(SeedContext ctx) => new TableLoad<AccountRow>(
        AccountsDb.Database,
        "accounts",
        AccountRows(ctx),
        ("account_id", static (w, r) => w.Write(r.AccountId, NpgsqlDbType.Varchar)),
        ("account_number", static (w, r) => w.Write(r.AccountNumber, NpgsqlDbType.Varchar)),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("account_type", static (w, r) => w.Write(r.AccountType, NpgsqlDbType.Varchar)),
        ("account_status", static (w, r) => w.Write(r.AccountStatus, NpgsqlDbType.Varchar)),
        ("balance", static (w, r) => w.Write(r.Balance, NpgsqlDbType.Numeric)),
        ("currency", static (w, r) => w.Write(r.Currency, NpgsqlDbType.Varchar)),
        ("opened_date", static (w, r) => w.Write(r.OpenedDate, NpgsqlDbType.Date)),
        ("closed_date", static (w, r) => w.WriteNullable(r.ClosedDate, NpgsqlDbType.Date)),
        ("branch_code", static (w, r) => w.Write(r.BranchCode, NpgsqlDbType.Varchar)));

    private static IEnumerable<AccountRow> AccountRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("accounts");
        var customers = ctx.Customers;
        var registry = ctx.Accounts;
        registry.Begin();

        var holders = new SelectionSample((int)(0.75 * customers.Count), customers.Count);
        var account = 0;
        for (var c = 0; c < customers.Count; c++)
        {
            registry.StartCustomer();
            if (!holders.Next(random))
            {
                continue;
            }

            var profile = ctx.Profiles[c];
            var joined = customers.CreatedAt(c).Day();
            var branch = SeedIds.Branch(random.Number(0, SeedIds.BranchCount - 1));
            var count = random.Chance(0.25) ? 2 : 1;
            string? firstType = null;
            for (var k = 0; k < count; k++)
            {
                var type = AccountTypes.Pick(random);
                if (type == firstType)
                {
                    // A second account is a different product.
                    type = type == "savings" ? "checking" : "savings";
                }

                firstType = type;
                var opened = random.DateBetween(joined, joined.AddDays(365).Min(ctx.AsOf));

                // A closed customer has closed every account; otherwise closure is rare. Closing
                // needs at least a day of life, so an account opened today stays active.
                var status = profile.Status == "closed" ? "closed" : AccountStatuses.Pick(random);
                DateOnly? closed = null;
                if (status == "closed")
                {
                    if (opened < ctx.AsOf)
                    {
                        closed = random.DateBetween(opened.AddDays(1), ctx.AsOf);
                    }
                    else
                    {
                        status = "active";
                    }
                }

                var ledger = AccountLedger.Build(ctx, account, type, opened, closed);
                var currency = random.Chance(0.95) ? "USD" : ForeignCurrencies.Pick(random);
                registry.Add(c, type, status, opened, closed, branch, ledger.Count, AccountLedger.Highlights(ledger));
                yield return new AccountRow(
                    ctx.Ids.Account(account),
                    ctx.Ids.AccountNumber(account),
                    ctx.Ids.Customer(c),
                    type,
                    status,
                    ledger[^1].BalanceAfter,
                    currency,
                    opened,
                    closed,
                    branch);
                account++;
            }
        }

        registry.StartCustomer();
        registry.Complete();
    }
}

internal readonly record struct AccountRow(
    string AccountId,
    string AccountNumber,
    string CustomerId,
    string AccountType,
    string AccountStatus,
    decimal Balance,
    string Currency,
    DateOnly OpenedDate,
    DateOnly? ClosedDate,
    string BranchCode);
