using DHub.Core.Schema;
using DHub.Core.Seeding.Generators.Employees;
using DHub.Core.Seeding.Randomness;
using DHub.Core.Seeding.ReferenceData;
using NpgsqlTypes;

namespace DHub.Core.Seeding.Generators.Accounts;

/// <summary>accounts_db: the customer master (phase 1) and core banking (phase 2).</summary>
internal static class AccountsDbGenerators
{
    private const string Database = "accounts_db";

    private static readonly WeightedChoice<string> AccountTypes = VocabularyChoice.Of(
        Vocabularies.AccountsAccountType, ("checking", 0.50), ("savings", 0.30), ("money_market", 0.15), ("cd", 0.05));

    private static readonly WeightedChoice<string> AccountStatuses = VocabularyChoice.Of(
        Vocabularies.AccountsAccountStatus, ("active", 0.92), ("frozen", 0.05), ("closed", 0.03));

    private static readonly WeightedChoice<string> ForeignCurrencies = new(("EUR", 1.0), ("GBP", 1.0), ("CAD", 1.0));

    private static readonly WeightedChoice<string> RelationshipTypes = VocabularyChoice.Uniform(Vocabularies.AccountRelationshipsRelationshipType);

    private static readonly string[] Billers =
    [
        "Electric Utility", "Water & Sewer Utility", "Mobile Phone Carrier", "Internet Service Provider", "Credit Card Payment",
        "Auto Insurance Premium", "Monthly Rent", "Student Loan Servicer", "Gym Membership", "Streaming Subscription",
    ];

    private static readonly string[] ServiceFees = ["Monthly Maintenance Fee", "Out-of-Network ATM Fee", "Paper Statement Fee", "Wire Transfer Fee"];

    public static ITableLoad Customers(SeedContext ctx) => new TableLoad<CustomerRow>(
        Database,
        "customers",
        CustomerRows(ctx),
        ("customer_id", static (w, r) => w.Write(r.CustomerId, NpgsqlDbType.Varchar)),
        ("first_name", static (w, r) => w.Write(r.FirstName, NpgsqlDbType.Varchar)),
        ("last_name", static (w, r) => w.Write(r.LastName, NpgsqlDbType.Varchar)),
        ("date_of_birth", static (w, r) => w.Write(r.DateOfBirth, NpgsqlDbType.Date)),
        ("email", static (w, r) => w.Write(r.Email, NpgsqlDbType.Varchar)),
        ("phone", static (w, r) => w.Write(r.Phone, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    public static ITableLoad Accounts(SeedContext ctx) => new TableLoad<AccountRow>(
        Database,
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

    public static ITableLoad AccountRelationships(SeedContext ctx) => new TableLoad<AccountRelationshipRow>(
        Database,
        "account_relationships",
        AccountRelationshipRows(ctx),
        ("primary_account_id", static (w, r) => w.Write(r.PrimaryAccountId, NpgsqlDbType.Varchar)),
        ("related_account_id", static (w, r) => w.Write(r.RelatedAccountId, NpgsqlDbType.Varchar)),
        ("relationship_type", static (w, r) => w.Write(r.RelationshipType, NpgsqlDbType.Varchar)),
        ("created_at", static (w, r) => w.Write(r.CreatedAt, NpgsqlDbType.Timestamp)));

    public static ITableLoad Transactions(SeedContext ctx) => new TableLoad<TransactionRow>(
        Database,
        "transactions",
        TransactionRows(ctx),
        ("transaction_id", static (w, r) => w.Write(r.TransactionId, NpgsqlDbType.Varchar)),
        ("account_id", static (w, r) => w.Write(r.AccountId, NpgsqlDbType.Varchar)),
        ("transaction_type", static (w, r) => w.Write(r.TransactionType, NpgsqlDbType.Varchar)),
        ("transaction_amount", static (w, r) => w.Write(r.TransactionAmount, NpgsqlDbType.Numeric)),
        ("transaction_date", static (w, r) => w.Write(r.TransactionDate, NpgsqlDbType.Timestamp)),
        ("description", static (w, r) => w.Write(r.Description, NpgsqlDbType.Text)),
        ("balance_after", static (w, r) => w.Write(r.BalanceAfter, NpgsqlDbType.Numeric)),
        ("counterparty_account", static (w, r) => w.WriteText(r.CounterpartyAccount)),
        ("processed_by", static (w, r) => w.WriteText(r.ProcessedBy)));

    private static IEnumerable<CustomerRow> CustomerRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("customers");
        var personas = new CustomerPersonas(ctx);
        var registry = ctx.Customers;
        registry.Reset();

        for (var c = 0; c < ctx.Options.CustomerCount; c++)
        {
            var persona = personas.For(c);
            var age = Math.Clamp((int)Math.Round(random.Gaussian(42, 15)), 18, 85);
            var dateOfBirth = ctx.AsOf.AddYears(-age).AddDays(-random.Number(0, 364));

            // Customers joined within the last 7 years, and never before they were 18.
            var joined = random.DateBetween(dateOfBirth.AddYears(18).Max(ctx.AsOf.AddYears(-7)), ctx.AsOf);
            var createdAt = random.TimeOn(joined, 7, 21);

            registry.Add(createdAt);
            yield return new CustomerRow(ctx.Ids.Customer(c), persona.FirstName, persona.LastName, dateOfBirth, persona.Email, persona.Phone, createdAt);
        }
    }

    private static IEnumerable<AccountRow> AccountRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("accounts");
        var customers = ctx.Customers;
        var registry = ctx.Accounts;
        registry.Reset();

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
    }

    private static IEnumerable<AccountRelationshipRow> AccountRelationshipRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("account_relationships");
        var accounts = ctx.Accounts;
        var active = Enumerable.Range(0, accounts.Count).Where(a => accounts[a].Status == "active").ToArray();
        if (active.Length < 3)
        {
            yield break;
        }

        // As in the reference: 5 % of active accounts get two links, another 20 % one link.
        for (var position = 0; position < active.Length; position++)
        {
            var draw = random.Double();
            var links = draw < 0.05 ? 2 : draw < 0.25 ? 1 : 0;

            // Offsets from the primary's position: never the account itself, never the same pair twice.
            var firstOffset = random.Number(1, active.Length - 1);
            for (var l = 0; l < links; l++)
            {
                var offset = firstOffset;
                if (l == 1)
                {
                    offset = random.Number(1, active.Length - 2);
                    if (offset >= firstOffset)
                    {
                        offset++;
                    }
                }

                var primary = active[position];
                var related = active[(position + offset) % active.Length];
                var since = accounts[primary].Opened.Max(accounts[related].Opened);
                yield return new AccountRelationshipRow(
                    ctx.Ids.Account(primary),
                    ctx.Ids.Account(related),
                    RelationshipTypes.Pick(random),
                    random.TimeOn(random.DateBetween(since, ctx.AsOf)));
            }
        }
    }

    private static IEnumerable<TransactionRow> TransactionRows(SeedContext ctx)
    {
        var random = ctx.RandomFor("transactions");
        var merchants = MerchantDirectory.Draw(ctx.FakerFor("transactions"));
        var accounts = ctx.Accounts;
        for (var a = 0; a < accounts.Count; a++)
        {
            var account = accounts[a];
            var ledger = AccountLedger.Replay(ctx, a, account);
            if (ledger.Count != account.TransactionCount)
            {
                throw new InvalidOperationException($"The ledger of account {a} replayed differently ({ledger.Count} entries, {account.TransactionCount} expected).");
            }

            for (var k = 0; k < ledger.Count; k++)
            {
                var entry = ledger[k];
                var kind = TransactionKinds.Of(entry.Kind);
                string? counterparty = null;
                if (entry.Kind is TransactionKind.TransferIn or TransactionKind.TransferOut && accounts.Count > 1)
                {
                    counterparty = ctx.Ids.AccountNumber((a + random.Number(1, accounts.Count - 1)) % accounts.Count);
                }

                var processedBy = kind.AtBranch
                    ? ctx.Ids.Employee(ctx.Employees.Pick(random, StaffPool.FrontOffice, entry.At.Day()))
                    : null;

                yield return new TransactionRow(
                    ctx.Ids.Transaction(account.FirstTransaction + k),
                    ctx.Ids.Account(a),
                    kind.Type,
                    entry.Amount,
                    entry.At,
                    Describe(random, merchants, entry.Kind, account.BranchCode, counterparty),
                    entry.BalanceAfter,
                    counterparty,
                    processedBy);
            }
        }
    }

    private static string Describe(SeedRandom random, MerchantDirectory merchants, TransactionKind kind, string branch, string? counterparty) => kind switch
    {
        TransactionKind.OpeningDeposit => "Account opening deposit",
        TransactionKind.PayrollDeposit => $"Direct Deposit - {random.ArrayElement(merchants.Employers)} Payroll",
        TransactionKind.CashDeposit => $"Cash Deposit - Branch {branch}",
        TransactionKind.MobileCheckDeposit => "Mobile Check Deposit",
        TransactionKind.AtmWithdrawal => $"ATM Withdrawal - {random.ArrayElement(merchants.Cities)}",
        TransactionKind.BranchWithdrawal => $"Cash Withdrawal - Branch {branch}",
        TransactionKind.CardPurchase => $"Card Purchase - {random.ArrayElement(merchants.Merchants)}",
        TransactionKind.BillPayment => $"Bill Payment - {random.ArrayElement(Billers)}",
        TransactionKind.ServiceFee => random.ArrayElement(ServiceFees),
        TransactionKind.Interest => "Interest Credit",
        TransactionKind.TransferIn => counterparty is null ? "Incoming transfer" : $"Transfer from account ending {counterparty[^4..]}",
        TransactionKind.TransferOut => counterparty is null ? "Outgoing transfer" : $"Transfer to account ending {counterparty[^4..]}",
        TransactionKind.ClosingPayout => "Account closure - final balance paid out",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transaction kind."),
    };
}
